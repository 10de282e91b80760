package org.bulwark.statistics;

import java.util.ArrayList;
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
 * After a restart, computes the dashboards of every province, prefecture and county with households once in the
 * background, so that the first dashboard opened does not pay for compiling the figure code, for reading every counted
 * table into the database's emptied buffers and for the figures themselves (issue 14, item 28: a county's first
 * dashboard after a restart took 1.5–2 s, later ones a tenth). The figures stay kept ({@link FigureCache}) until
 * counted data changes — a sign-in does not — and are the same for every user who may see the region. Townships and
 * villages are left to their first visitor: they are many, and quick. Nothing is shown to anyone, and no user is
 * assumed; {@code bulwark.warm-up.enabled=false} turns it off (the tests do).
 */
@Component
class FigureWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FigureWarmUp.class);

    private static final String HOUSEHOLDS_TABLE = "registry";
    private static final String HOUSEHOLDS = Dashboard.HOUSEHOLDS;

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

    /**
     * The dashboard of each province, then of each of its prefectures and counties that has households (as the
     * dashboard above it counts them), computed and dropped.
     */
    List<DashboardView> warmUp() {
        long start = System.nanoTime();
        try {
            List<DashboardView> views = new ArrayList<>();
            for (Region province : regions.provinces()) {
                // an empty province's figures are quick for its first visitor, and computing them all here would
                // take the cores from the first pages after a start
                if (!dashboard.hasHouseholds(province)) {
                    continue;
                }
                DashboardView provinceView = view(province);
                views.add(provinceView);
                for (String prefecture : withHouseholds(provinceView)) {
                    DashboardView prefectureView = view(regions.find(prefecture).orElseThrow());
                    views.add(prefectureView);
                    withHouseholds(prefectureView)
                            .forEach(county ->
                                    views.add(view(regions.find(county).orElseThrow())));
                }
            }
            log.info(
                    "Warmed up the dashboards of {} region(s) in {} ms",
                    views.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return views;
        } catch (RuntimeException e) {
            // a warm-up that fails leaves the figures as they were: the first dashboard computes them
            log.warn("Warming up the dashboards failed", e);
            return List.of();
        }
    }

    /** The regions one level down that the view counts households in. */
    private static List<String> withHouseholds(DashboardView view) {
        FigureTable registry = view.table(HOUSEHOLDS_TABLE);
        if (registry == null) {
            return List.of();
        }
        return registry.rows().stream()
                .filter(row -> row.regionCode() != null
                        && row.cells().stream()
                                .anyMatch(c -> c.measure().id().equals(HOUSEHOLDS)
                                        && c.value() != null
                                        && c.value().signum() > 0))
                .map(FigureTable.Row::regionCode)
                .toList();
    }

    private DashboardView view(Region region) {
        return dashboard.view(region, RegionScope.of(region.code()), null, Locale.SIMPLIFIED_CHINESE);
    }
}
