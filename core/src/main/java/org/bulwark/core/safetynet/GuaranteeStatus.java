package org.bulwark.core.safetynet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The state of each guarantee of one household. */
public record GuaranteeStatus(Map<Guarantee, GuaranteeState> states) {

    /** Keeps the guarantees in their order, unmodifiable. */
    public GuaranteeStatus {
        states = Collections.unmodifiableMap(new EnumMap<>(states));
    }

    /** The state of one guarantee. */
    public GuaranteeState state(Guarantee guarantee) {
        return states.get(guarantee);
    }

    /** Every guarantee secured: what risk elimination asks (policy §6). */
    public boolean allSecured() {
        return states.values().stream().allMatch(s -> s == GuaranteeState.SECURED);
    }

    /** Some guarantee has a gap. */
    public boolean anyGap() {
        return states.containsValue(GuaranteeState.GAP);
    }
}
