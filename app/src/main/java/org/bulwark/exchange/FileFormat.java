package org.bulwark.exchange;

import java.util.Locale;

/** The formats departments send. */
public enum FileFormat {
    CSV,
    XLSX,
    JSON;

    /** The format a file name's extension says, or null. */
    public static FileFormat ofFileName(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return CSV;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
