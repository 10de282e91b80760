package org.bulwark.core.casework;

/** The conditions of docs/policy.md §6 under which a household's risk may be marked eliminated. */
public enum EliminationCriterion {
    /** identified at least the configured months ago */
    MONITORED_LONG_ENOUGH,
    /** per-capita net income above the year's line, without a fall below it, for at least the configured months */
    INCOME_STABLY_ABOVE_LINE,
    /** at least one measure of the plan delivered */
    MEASURE_DELIVERED,
    /** compulsory education, basic medical insurance, safe housing and drinking water secured */
    GUARANTEES_SECURED,
    /** someone in the household can work; otherwise it stays under safety-net support */
    SOMEONE_CAN_WORK,
    /** no department warning of a risk still open: rigid expenditure under control, the risk gone */
    NO_OPEN_RISK_WARNINGS
}
