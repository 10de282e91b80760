package org.bulwark.core.casework;

/** The three monitoring types of docs/policy.md §1. */
public enum MonitoringType {
    /** 脱贫不稳定户: a formerly-poor household at risk of falling back */
    UNSTABLE_FORMERLY_POOR,
    /** 边缘易致贫户: an ordinary rural household within the monitoring range and at risk */
    MARGINAL,
    /** 突发严重困难户: income above the range, but rigid expenditure or a sharp fall makes living seriously difficult */
    SUDDEN_HARDSHIP
}
