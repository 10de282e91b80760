package org.bulwark.employment;

import java.time.Instant;

/** One row of a labourer's history: what happened, the state after it (the last state for a removal), who, when. */
public record LabourerChange(long id, Kind change, Labourer state, String changedBy, Instant changedAt) {

    /** What happened to the labourer. */
    public enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }
}
