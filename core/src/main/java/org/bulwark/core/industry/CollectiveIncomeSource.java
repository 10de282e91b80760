package org.bulwark.core.industry;

/** Where a village collective's income comes from (村级集体经济收入). */
public enum CollectiveIncomeSource {
    OPERATIONS,
    ASSET_RENT,
    INVESTMENT,
    SERVICES,
    SUBSIDY,
    OTHER
}
