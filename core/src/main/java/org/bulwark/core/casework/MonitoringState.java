package org.bulwark.core.casework;

/**
 * Where an identified household stands (docs/policy.md §1): under monitoring, or with its risk eliminated and still
 * observed. The names are the values of {@code monitoring.status}.
 */
public enum MonitoringState {
    /** 监测中: identified and monitored, measures and visits follow */
    MONITORED,
    /** 风险已消除: the risk was eliminated; the household is still observed, with fewer visits */
    ELIMINATED
}
