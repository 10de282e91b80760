package org.bulwark.casework;

/**
 * The figures a county reports upward each quarter, each counted "as of" the quarter's end from the monitoring history
 * (message keys {@code quarterly.measure.<NAME>} and {@code quarterly.definition.<NAME>} say them in Chinese).
 */
public enum QuarterlyMeasure {
    /** identified (or identified again after an elimination) within the quarter */
    IDENTIFIED,
    /** ever identified up to the quarter's end: under monitoring or with risk eliminated at the quarter's end */
    IDENTIFIED_TO_END,
    /** under monitoring on the quarter's last day */
    MONITORED_AT_END,
    /** risk eliminated within the quarter, and still eliminated on its last day */
    ELIMINATED,
    /** with risk eliminated on the quarter's last day */
    ELIMINATED_TO_END,
    /** an elimination reversed within the quarter (found premature: back under monitoring) */
    REVERSED,
    /** identified again within the quarter after an elimination (risk returned) */
    REENTERED
}
