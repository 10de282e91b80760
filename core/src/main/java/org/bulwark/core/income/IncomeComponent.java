package org.bulwark.core.income;

/** The components of a household's income record that income from outside the record can feed (docs/policy.md §8). */
public enum IncomeComponent {
    /** 工资性收入. */
    WAGE,
    /** 生产经营性收入. */
    OPERATING,
    /** 财产净收入. */
    PROPERTY
}
