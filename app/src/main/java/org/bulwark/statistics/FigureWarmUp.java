package org.bulwark.statistics;

import java.util.List;
import java.util.Locale;
import org.bulwark.identity.RegionScope;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restart, computes each province's dashboard once in the background, so that the first dashboard opened
 * does not pay for compiling the figure code and for reading every counted table into the database's emptied
 * buffers (issue 14, item 28: the county's first dashboard after a restart took 1.5–2 s, later ones a tenth). The
 * figures themselves are not what is kept: they are cached by the database's write position, which the first
 * sign-in moves. Nothing is shown to anyone, and no user is assumed; {@code bulwark.warm-up.enabled=false} turns it
 * off (the tests do).
 */
@Component
class FigureWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FigureWarmUp.class);

    private final Dashboard dashboard;
    private final Regions regions;
    private final boolean enabled;

    FigureWarmUp(Dashboard dashboard, Regions regions, @Value("${bulwark.warm-up.enabled:true}") boolean enabled) {
        this.dashboard = dashboard;
        this.regions = regions;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            Thread thread = new Thread(this::warmUp, "warm-up-figures");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Each province's dashboard, computed and dropped. */
    List<DashboardView> warmUp() {
        long start = System.nanoTime();
        try {
            List<DashboardView> views =
                    regions.provinces().stream().map(this::view).toList();
            log.info(
                    "Warmed up the dashboards of {} province(s) in {} ms",
                    views.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return views;
        } catch (RuntimeException e) {
            // a warm-up that fails leaves the figures as they were: the first dashboard computes them
            log.warn("Warming up the dashboards failed", e);
            return List.of();
        }
    }

    private DashboardView view(Region province) {
        return dashboard.view(province, RegionScope.of(province.code()), null, Locale.SIMPLIFIED_CHINESE);
    }
}
