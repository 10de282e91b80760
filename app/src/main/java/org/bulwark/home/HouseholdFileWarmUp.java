package org.bulwark.home;

import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdPage;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * After a restart, reads one household's file of each province in the background, as the page does, so that the
 * first file a cadre opens does not pay for compiling the sections' code and for the database's first reads of a
 * dozen tables on each connection (issue 14, item 28: a village cadre's first household file after a restart came
 * just over 1 s). It acts as an account-less principal of the province, like the command line's tasks; the model is
 * dropped and nothing is shown to anyone. {@code bulwark.warm-up.enabled=false} turns it off (the tests do).
 */
@Component
class HouseholdFileWarmUp {

    private static final Logger log = LoggerFactory.getLogger(HouseholdFileWarmUp.class);

    /** How often each file is read: the code the sections run is compiled after some use. */
    static final int ROUNDS = 3;

    private final HouseholdFilePage page;
    private final Registry registry;
    private final Regions regions;
    private final boolean enabled;

    HouseholdFileWarmUp(
            HouseholdFilePage page,
            Registry registry,
            Regions regions,
            @Value("${bulwark.warm-up.enabled:true}") boolean enabled) {
        this.page = page;
        this.registry = registry;
        this.regions = regions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            Thread thread = new Thread(this::warmUp, "warm-up-household-file");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The number of household files read. */
    int warmUp() {
        long start = System.nanoTime();
        int files = 0;
        try {
            for (Region province : regions.provinces()) {
                files += warmUp(province.code());
            }
            log.info("Warmed up {} household file(s) in {} ms", files, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // a warm-up that fails leaves the pages as they were: the first file opened pays
            log.warn("Warming up the household file failed", e);
        }
        return files;
    }

    private int warmUp(String province) {
        try (var acting = CurrentUser.actAs(BulwarkUser.system("warm-up", Role.PROVINCE_ADMIN, province))) {
            HouseholdPage households = registry.search(new HouseholdSearch("", province, null, 0, 1));
            if (households.items().isEmpty()) {
                return 0;
            }
            long id = households.items().get(0).id();
            for (int round = 0; round < ROUNDS; round++) {
                page.read(id, new ExtendedModelMap());
            }
            return ROUNDS;
        }
    }
}
