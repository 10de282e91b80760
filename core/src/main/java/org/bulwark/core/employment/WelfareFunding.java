package org.bulwark.core.employment;

/** Where a public-welfare job's allowance comes from. */
public enum WelfareFunding {
    /** Central and local assistance funds for consolidating poverty alleviation (衔接资金). */
    ASSISTANCE_FUNDS,
    /** Employment subsidy funds (就业补助资金). */
    EMPLOYMENT_SUBSIDY,
    /** The local budget (地方财政). */
    LOCAL_BUDGET,
    /** The village collective's own income (村集体经济收益). */
    VILLAGE_COLLECTIVE,
    OTHER
}
