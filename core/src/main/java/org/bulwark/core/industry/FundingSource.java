package org.bulwark.core.industry;

/** Where a project's money mainly comes from; ASSISTANCE_FUNDS are the central and local 衔接资金. */
public enum FundingSource {
    ASSISTANCE_FUNDS,
    PAIRED_ASSISTANCE,
    ENTERPRISE,
    COLLECTIVE,
    CREDIT,
    OTHER
}
