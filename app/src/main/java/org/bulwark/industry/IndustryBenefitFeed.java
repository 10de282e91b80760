package org.bulwark.industry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.exchange.PlatformRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hands the exchange a new snapshot of each changed household's years (category {@code industry_benefit},
 * docs/industry.md) whenever its links or their projects change, one batch per county, so that IND-02 is an ordinary
 * screening rule and the exchange's batch announces the households to re-screen. Durable: the change's event is kept
 * in the publication registry until the batch is stored.
 */
@Component
class IndustryBenefitFeed {

    static final String CATEGORY = "industry_benefit";
    static final String LISTENER_ID = "industry.hand-benefit-snapshots";
    static final String SOURCE = "联农带农台账（产业帮扶模块）";

    private static final Logger log = LoggerFactory.getLogger(IndustryBenefitFeed.class);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final BenefitSnapshots snapshots;
    private final PlatformRecords records;
    private final Clock clock;

    IndustryBenefitFeed(BenefitSnapshots snapshots, PlatformRecords records, Clock clock) {
        this.snapshots = snapshots;
        this.records = records;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = LISTENER_ID)
    void on(BenefitLinksChanged event) {
        // a year's links also decide the next year (a household paid this year and not the next is at risk in it)
        TreeSet<Integer> years = new TreeSet<>();
        event.years().forEach(y -> {
            years.add(y);
            years.add(y + 1);
        });
        // the time of the snapshot makes each record new: the exchange stores an identical record only once, and an
        // amount changed back must still be the latest
        String generated = LocalDateTime.now(clock).format(GENERATED);
        snapshots.takeTurn();
        Map<String, List<Map<String, String>>> byCounty = new LinkedHashMap<>();
        for (int year : years) {
            for (BenefitSnapshots.HouseholdYear h : snapshots.of(event.householdIds(), year)) {
                byCounty.computeIfAbsent(h.villageCode().substring(0, 6) + "000000", k -> new ArrayList<>())
                        .add(row(h, generated));
            }
        }
        byCounty.forEach((county, rows) -> {
            var batch =
                    records.store(new PlatformRecords.Submission(CATEGORY, county, SOURCE, event.changedBy(), rows));
            log.info("Industry benefit snapshots of {} households' years handed as batch {}", rows.size(), batch.id());
        });
    }

    private static Map<String, String> row(BenefitSnapshots.HouseholdYear h, String generated) {
        IndustryFailureCheck.Snapshot s = h.snapshot();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("household_number", h.householdNumber());
        row.put("year_start", LocalDate.of(h.year(), 1, 1).toString());
        row.put("projects", String.valueOf(s.projects()));
        row.put("failed_projects", String.valueOf(s.failedProjects()));
        row.put("least_received", BenefitSnapshots.amount(s.leastReceived()));
        row.put("received", BenefitSnapshots.amount(s.received()));
        row.put("generated_at", generated);
        return row;
    }
}
