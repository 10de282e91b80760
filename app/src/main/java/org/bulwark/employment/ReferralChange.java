package org.bulwark.employment;

import java.time.Instant;

/** One state a referral took: which, the refusal's reason, who and when. */
public record ReferralChange(long id, ReferralState state, String refusalReason, String changedBy, Instant changedAt) {}
