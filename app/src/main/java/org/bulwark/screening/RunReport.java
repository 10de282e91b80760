package org.bulwark.screening;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a screening run found: hits per rule, and per township for the shadow comparison; how many warnings it
 * raised (hits whose warning was already open are not raised again), where the time went, and where the run read
 * its data: "store" (the columnar store, full runs), "memory" (the store held in memory, incremental runs) or
 * "database" (PostgreSQL).
 */
public record RunReport(
        long runId,
        RunMode mode,
        String regionCode,
        LocalDate asOf,
        String rulesVersion,
        int households,
        int records,
        int hits,
        int warningsRaised,
        Map<String, Integer> hitsByRule,
        Map<String, Integer> hitsByTownship,
        long loadMs,
        long screenMs,
        long storeMs,
        String source) {}
