package org.bulwark.statistics;

/**
 * A column of a dashboard table.
 *
 * @param id       unique over all providers, {@code provider.name}
 * @param labelKey message key of the column header
 * @param format   how its values read
 * @param linked   whether a list of households stands behind its figures
 */
public record Measure(String id, String labelKey, Format format, boolean linked) {

    /** How a figure reads. */
    public enum Format {
        /** a whole number */
        COUNT,
        /** yuan, no decimals */
        MONEY,
        /** a percentage with one decimal */
        PERCENT
    }

    public static Measure count(String id, String labelKey) {
        return new Measure(id, labelKey, Format.COUNT, true);
    }
}
