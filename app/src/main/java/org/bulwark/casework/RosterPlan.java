package org.bulwark.casework;

import java.util.Comparator;
import java.util.List;

/** What a roster file does per household, with the households to write and the reasons rows are refused. */
record RosterPlan(List<RosterPreview.HouseholdOutcome> outcomes, List<RosterProblem> problems, List<Planned> toWrite) {

    /** A household to write: new, or changed since the roster that brought it in. */
    record Planned(RosterHousehold household, RosterPreview.Outcome outcome) {}

    RosterPreview preview(RosterRead file, Long importId) {
        return new RosterPreview(
                importId,
                file.fileName(),
                file.sha256(),
                file.rowsTotal(),
                outcomes,
                problems.stream()
                        .sorted(Comparator.comparingLong(RosterProblem::row))
                        .toList());
    }
}
