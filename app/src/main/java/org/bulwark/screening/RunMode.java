package org.bulwark.screening;

/** How a screening run was made. */
public enum RunMode {
    /** every household of the region */
    FULL,
    /** only the households (and unregistered persons) a new batch of department data touched */
    INCREMENTAL,
    /** a draft rule set over current data: counts only, no warnings */
    SHADOW
}
