package org.bulwark.core.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What to generate: a county (whose code prefixes every identity number), its villages (12-digit codes starting with
 * the county code), how many households, the seed, the reference day and the monitoring income line in yuan per
 * person per year.
 *
 * @param countyCode     6-digit county code; its first two digits must be between 11 and 91
 * @param villageCodes   distinct 12-digit village codes of that county, in the order households are generated
 * @param households     number of households, at most {@value #MAX_HOUSEHOLDS_PER_VILLAGE} per village
 * @param seed           seed of the random source; the same seed and settings give the same output
 * @param asOf           reference day: ages are taken on it and incomes cover the three calendar years before it
 * @param monitoringLine per-capita net income line, e.g. 8700
 */
public record GeneratorSettings(
        String countyCode,
        List<String> villageCodes,
        int households,
        long seed,
        LocalDate asOf,
        BigDecimal monitoringLine) {

    /** A household number has a 4-digit serial within its village, so a village holds at most this many. */
    public static final int MAX_HOUSEHOLDS_PER_VILLAGE = 9999;

    /** Earliest reference day: its three income years must not be before 2010, the first year income forms accept. */
    public static final LocalDate EARLIEST_AS_OF = LocalDate.of(2013, 1, 1);

    /** Validates every field and copies the village list. */
    public GeneratorSettings {
        Objects.requireNonNull(countyCode, "countyCode");
        Objects.requireNonNull(villageCodes, "villageCodes");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(monitoringLine, "monitoringLine");
        if (!countyCode.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("countyCode must have 6 digits");
        }
        int province = Integer.parseInt(countyCode.substring(0, 2));
        if (province < 11 || province > 91) {
            throw new IllegalArgumentException("countyCode must start with a province code between 11 and 91");
        }
        villageCodes = List.copyOf(villageCodes);
        if (villageCodes.isEmpty()) {
            throw new IllegalArgumentException("villageCodes must not be empty");
        }
        for (String village : villageCodes) {
            if (!village.matches("[0-9]{12}") || !village.startsWith(countyCode)) {
                throw new IllegalArgumentException("village code " + village
                        + " must have 12 digits and start with the county code " + countyCode);
            }
        }
        if (new HashSet<>(villageCodes).size() != villageCodes.size()) {
            throw new IllegalArgumentException("villageCodes must be distinct");
        }
        if (households < 0) {
            throw new IllegalArgumentException("households must not be negative");
        }
        long capacity = (long) villageCodes.size() * MAX_HOUSEHOLDS_PER_VILLAGE;
        if (households > capacity) {
            throw new IllegalArgumentException("households must be at most " + capacity + " for " + villageCodes.size()
                    + " villages (" + MAX_HOUSEHOLDS_PER_VILLAGE + " per village)");
        }
        if (asOf.isBefore(EARLIEST_AS_OF)) {
            throw new IllegalArgumentException("asOf must be on or after " + EARLIEST_AS_OF);
        }
        if (monitoringLine.signum() <= 0) {
            throw new IllegalArgumentException("monitoringLine must be positive");
        }
    }
}
