package org.bulwark.casework;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bulwark.core.casework.MonitoringState;

/**
 * One household's periods as the roster gives them, checked, with each row's helper found: what the store writes.
 *
 * @param periods the rows in the order of their identification
 * @param helpers each row's helper, by row number (a row without one is absent)
 */
record RosterHousehold(
        long householdId,
        String householdNumber,
        String villageCode,
        List<RosterRow> periods,
        Map<Long, RosterHelper> helpers) {

    RosterHousehold {
        periods = periods.stream()
                .sorted(Comparator.comparing(RosterRow::identifiedOn).thenComparing(RosterRow::row))
                .toList();
    }

    /** A helper: an account, or a name and phone without one. */
    record RosterHelper(Long accountId, String name, String phone) {}

    RosterRow last() {
        return periods.get(periods.size() - 1);
    }

    MonitoringState state() {
        return last().endsOn() == null ? MonitoringState.MONITORED : MonitoringState.ELIMINATED;
    }

    /**
     * The rows as the roster says them, one line per period without the row number: equal fingerprints mean the file
     * says nothing new about the household, wherever its rows stand in the file.
     */
    String fingerprint() {
        return periods.stream().map(this::line).collect(Collectors.joining("\n"));
    }

    private String line(RosterRow r) {
        RosterHelper helper = helpers.get(r.row());
        return String.join(
                "|",
                String.valueOf(r.type()),
                String.valueOf(r.identifiedOn()),
                RiskTypes.join(EnumSet.copyOf(r.risks())),
                helper == null
                        ? ""
                        : helper.accountId() != null ? "#" + helper.accountId() : helper.name() + "/" + helper.phone(),
                r.measures().stream()
                        .map(m -> m.category() + "/" + m.content() + "/" + m.department() + "/" + m.startsOn() + "/"
                                + m.endsOn())
                        .collect(Collectors.joining(";")),
                String.valueOf(r.eliminated()),
                String.valueOf(r.eliminatedOn()),
                String.valueOf(r.naturally()),
                String.valueOf(r.reversedOn()));
    }
}
