package org.bulwark.employment;

import java.util.Arrays;
import java.util.List;

/**
 * Where a referral stands. It moves forward only — proposed, contacted, interviewed, hired — possibly skipping a step
 * (a helper may learn of an interview only when it went well), or ends refused from any open state; hired and
 * refused are final, so a hire is counted once and a refusal keeps its reason.
 */
public enum ReferralState {
    PROPOSED,
    CONTACTED,
    INTERVIEWED,
    HIRED,
    REFUSED;

    /** Whether nothing may follow this state. */
    public boolean isFinal() {
        return this == HIRED || this == REFUSED;
    }

    /** The states a referral in this state may move to, in order. */
    public List<ReferralState> nextStates() {
        return Arrays.stream(values()).filter(this::canMoveTo).toList();
    }

    /** Whether a referral in this state may move to {@code next}. */
    public boolean canMoveTo(ReferralState next) {
        if (isFinal() || next == null || next == PROPOSED) {
            return false;
        }
        return next == REFUSED || next.ordinal() > ordinal();
    }
}
