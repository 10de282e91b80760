package org.bulwark.employment;

/**
 * A referral's next state as a page or the API sends it: the state (code or Chinese word), the reason when it is
 * REFUSED, and the version read.
 */
public record ReferralMove(String state, String refusalReason, Integer version) {}
