package org.bulwark.safetynet;

import java.time.LocalDate;
import java.util.Map;

/**
 * A department record as the guarantees read it, whichever way it was read (a household's file or a region's feed).
 *
 * @param personId the registered person it is about, or null for a household's or village's record
 * @param raw      each stored field's value as text
 */
record FactRecord(String category, Long personId, LocalDate date, Map<String, String> raw) {}
