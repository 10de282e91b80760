package org.bulwark.core.casework;

import java.util.List;

/** What deciding a step leads to. */
public sealed interface Outcome {

    /** The case moves on to {@code next}. */
    record Moved(StepRule next) implements Outcome {}

    /** The case is decided. */
    record Finished(CaseStatus status) implements Outcome {}

    /** The decision may not be taken, for these reasons. */
    record Refused(List<Refusal> reasons) implements Outcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
