package org.bulwark.screening;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a screening run found: hits per rule, and per township for the shadow comparison; how many warnings it
 * raised (hits whose warning was already open are not raised again) and where the time went.
 */
public record RunReport(long runId, RunMode mode, String regionCode, LocalDate asOf, String rulesVersion,
                        int households, int records, int hits, int warningsRaised, Map<String, Integer> hitsByRule,
                        Map<String, Integer> hitsByTownship, long loadMs, long screenMs, long storeMs) {
}
