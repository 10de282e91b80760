package org.bulwark.core.generate.feeds;

/**
 * The default rule parameters ({@code screening/rules.yaml}) that planted events must cross and routine records must
 * stay clear of. Planted amounts keep a margin above them, and routine ones stay well below, so that moderate
 * provincial changes to the parameters do not change which households trip a rule.
 */
final class DefaultThresholds {

    /** MED-01: 12-month out-of-pocket costs of a formerly-poor or monitored household. */
    static final long MEDICAL_ASSISTED_YUAN = 5_000;
    /** MED-01: the same for other households, and for residents not in the registry. */
    static final long MEDICAL_OTHER_YUAN = 20_000;
    /** MED-02: in-scope out-of-pocket costs as a share of net income. */
    static final double MEDICAL_INCOME_SHARE = 0.5;
    /** EDU-02: non-compulsory schooling cost left after aid, per school year. */
    static final long SCHOOLING_COST_YUAN = 10_000;
    /** DSR-01: 12-month disaster loss. */
    static final long DISASTER_LOSS_YUAN = 10_000;
    /** DSR-01: disaster loss as a share of net income. */
    static final double DISASTER_INCOME_SHARE = 0.5;
    /** IND-01: agricultural loss as a share of net income. */
    static final double AGRICULTURAL_INCOME_SHARE = 0.3;
    /** WAT-01: days without water in 12 months. */
    static final int WATER_INTERRUPTED_DAYS = 30;
    /** CRD-01: days a microcredit loan is overdue. */
    static final int OVERDUE_DAYS = 90;
    /** VER-01: value of a vehicle that is not a farm or work vehicle. */
    static final long VEHICLE_VALUE_YUAN = 100_000;
    /** VER-05 reads taxable income per member against 3 × the line; the highest default line is 8,900 (2026). */
    static final long TAXABLE_INCOME_PER_MEMBER_YUAN = 3 * 8_900;
    /** A main labourer (ACC-01) is able to work and aged 16–64 on the as-of day, as the screening tables count. */
    static final int MAIN_LABOURER_MIN_AGE = 16;

    static final int MAIN_LABOURER_MAX_AGE = 64;
    /**
     * ALC-01/02: the lowest allowance standard of the demo province's years (Guizhou 2025, rules.yaml). Routine
     * recipients stay below {@link #ALLOWANCE_RECIPIENT_CEILING} times it, clear of ALC-02's twice the standard.
     */
    static final long ALLOWANCE_STANDARD_YUAN = 6_100;

    static final double ALLOWANCE_RECIPIENT_CEILING = 1.8;
    /** Monitoring line of the default rules, for per-member caps of routine income. */
    static final long LINE_YUAN = 8_700;

    private DefaultThresholds() {}

    /** MED-01's threshold for a household, in yuan. */
    static long medical(boolean assisted) {
        return assisted ? MEDICAL_ASSISTED_YUAN : MEDICAL_OTHER_YUAN;
    }
}
