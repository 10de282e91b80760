package org.bulwark.screening;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bulwark.core.region.RegionCode;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.registry.VillageHouseholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Re-screens the households and unregistered residents a stored batch touched, once the batch is committed. Durable:
 * the event publication registry keeps the batch's publication from its commit until this completed, and a platform
 * that died in between (a crash, {@code kill -9}) runs it on its next start. Running it twice is harmless: an open
 * warning is not raised twice.
 */
@Component
class IncrementalScreening {

    static final int FULL_RUN_ABOVE = 20_000;
    static final String LISTENER_ID = "screening.rescreen-after-batch";

    private static final Logger log = LoggerFactory.getLogger(IncrementalScreening.class);

    private final ScreeningRuns runs;
    private final DepartmentRecordFeed records;
    private final VillageHouseholds villages;

    IncrementalScreening(ScreeningRuns runs, DepartmentRecordFeed records, VillageHouseholds villages) {
        this.runs = runs;
        this.records = records;
        this.villages = villages;
    }

    // no transaction around the listener: the runs open their own (a full run of a region must not be held open
    // inside another, nor hold a second connection idle while it works). The id names the listener in the
    // registry's rows: a stored publication still finds it after the method is renamed or moved
    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(BatchStored event) {
        // the households the batch's records name, and every household of a village a village-wide record is about
        // (a drinking-water check of the whole village applies to each of them, as in a full run)
        Set<Long> touched = new LinkedHashSet<>(records.householdsNamedBy(event.batchId()));
        touched.addAll(villages.idsIn(records.villagesCoveredBy(event.batchId())));
        List<Long> households = List.copyOf(touched);
        List<String> persons = records.unregisteredNamedBy(event.batchId());
        String prefix = RegionCode.parse(event.regionCode()).prefix();
        // keep the columnar store of screening inputs current first: the batch's records become a new segment, also
        // of the copy held in memory, from which the re-screening then reads the touched households
        try {
            runs.appendStoredRecords();
        } catch (RuntimeException e) {
            // the re-screening reads PostgreSQL instead; the next full run copies the store again
            log.warn("Batch {} not appended to the screening store: {}", event.batchId(), e.getMessage());
        }
        // a batch touching very many households is cheaper to follow with one full run of the region
        RunReport report = households.size() + persons.size() > FULL_RUN_ABOVE
                ? runs.fullAsSystem(prefix, event.uploadedBy())
                : runs.incremental(households, persons, prefix, event.uploadedBy());
        log.info(
                "Batch {} re-screened {} households and {} unregistered persons (inputs read from: {}): {} hits, "
                        + "{} new warnings in {} ms",
                event.batchId(),
                households.size(),
                persons.size(),
                report.source(),
                report.hits(),
                report.warningsRaised(),
                report.loadMs() + report.screenMs() + report.storeMs());
    }
}
