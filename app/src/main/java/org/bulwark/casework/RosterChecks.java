package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * The rules one household's roster rows must keep, as a pure function of the rows, whether the household is
 * registered as formerly poor, and today: each row consistent in itself, the type allowed for the household
 * (docs/policy.md §1), at most five risk types (§3), periods that do not overlap. Each broken rule is a
 * {@link RosterProblem} naming the row and column.
 */
final class RosterChecks {

    private RosterChecks() {}

    /** The problems of one household's rows (in any order). */
    static List<RosterProblem> of(List<RosterRow> rows, boolean formerlyPoor, LocalDate today) {
        List<RosterProblem> problems = new ArrayList<>();
        for (RosterRow row : rows) {
            row(row, formerlyPoor, today, problems);
        }
        periods(rows, problems);
        return problems;
    }

    private static void row(RosterRow r, boolean formerlyPoor, LocalDate today, List<RosterProblem> problems) {
        if (r.type() == MonitoringType.UNSTABLE_FORMERLY_POOR && !formerlyPoor) {
            problems.add(new RosterProblem(r.row(), RosterColumns.TYPE, "脱贫不稳定户只能是登记为脱贫户的农户，此户在登记簿中不是脱贫户"));
        } else if (r.type() == MonitoringType.MARGINAL && formerlyPoor) {
            problems.add(new RosterProblem(r.row(), RosterColumns.TYPE, "此户在登记簿中是脱贫户，不能是边缘易致贫户（应为脱贫不稳定户或突发严重困难户）"));
        }
        if (r.risks().size() > RiskType.MAX_PER_HOUSEHOLD) {
            problems.add(new RosterProblem(
                    r.row(),
                    RosterColumns.RISKS,
                    "最多填 " + RiskType.MAX_PER_HOUSEHOLD + " 项风险类型，此行填了 "
                            + r.risks().size() + " 项"));
        }
        future(r, RosterColumns.IDENTIFIED_ON, r.identifiedOn(), today, problems);
        future(r, RosterColumns.ELIMINATED_ON, r.eliminatedOn(), today, problems);
        future(r, RosterColumns.REVERSED_ON, r.reversedOn(), today, problems);
        elimination(r, problems);
    }

    private static void elimination(RosterRow r, List<RosterProblem> problems) {
        if (r.eliminated() && r.eliminatedOn() == null) {
            problems.add(new RosterProblem(r.row(), RosterColumns.ELIMINATED_ON, "风险已消除时必填"));
        }
        if (!r.eliminated() && r.eliminatedOn() != null) {
            problems.add(new RosterProblem(
                    r.row(), RosterColumns.ELIMINATED_ON, "填了消除日期，但“" + RosterColumns.ELIMINATED + "”为“否”"));
        }
        if (r.eliminatedOn() != null
                && r.identifiedOn() != null
                && r.eliminatedOn().isBefore(r.identifiedOn())) {
            problems.add(new RosterProblem(
                    r.row(),
                    RosterColumns.ELIMINATED_ON,
                    "风险消除日期（" + r.eliminatedOn() + "）早于识别日期（" + r.identifiedOn() + "）"));
        }
        if (r.naturally() && !r.eliminated()) {
            problems.add(new RosterProblem(r.row(), RosterColumns.NATURALLY, "风险未消除，不能是自然消除"));
        }
        if (r.reversedOn() != null && r.eliminatedOn() == null) {
            problems.add(new RosterProblem(r.row(), RosterColumns.REVERSED_ON, "风险未消除，不能有返贫日期"));
        } else if (r.reversedOn() != null && r.reversedOn().isBefore(r.eliminatedOn())) {
            problems.add(new RosterProblem(
                    r.row(),
                    RosterColumns.REVERSED_ON,
                    "返贫日期（" + r.reversedOn() + "）早于风险消除日期（" + r.eliminatedOn() + "）"));
        }
    }

    private static void future(
            RosterRow r, String column, LocalDate date, LocalDate today, List<RosterProblem> problems) {
        if (date != null && date.isAfter(today)) {
            problems.add(new RosterProblem(r.row(), column, "日期（" + date + "）晚于今天"));
        }
    }

    /** One period after the other: each but the last ended by an elimination before the next was identified. */
    private static void periods(List<RosterRow> rows, List<RosterProblem> problems) {
        List<RosterRow> dated = rows.stream()
                .filter(r -> r.identifiedOn() != null)
                .sorted(Comparator.comparing(RosterRow::identifiedOn).thenComparing(RosterRow::row))
                .toList();
        for (int i = 1; i < dated.size(); i++) {
            RosterRow before = dated.get(i - 1);
            RosterRow after = dated.get(i);
            LocalDate ended = before.endsOn();
            if (ended == null) {
                problems.add(new RosterProblem(
                        after.row(),
                        RosterColumns.IDENTIFIED_ON,
                        "与第 " + before.row() + " 行的监测期重叠：第 " + before.row() + " 行的风险"
                                + (before.reversedOn() != null ? "消除后已返贫" : "未消除") + "，同一户不能再有一个监测期"));
            } else if (!after.identifiedOn().isAfter(ended)) {
                problems.add(new RosterProblem(
                        after.row(),
                        RosterColumns.IDENTIFIED_ON,
                        "与第 " + before.row() + " 行的监测期重叠：应晚于其风险消除日期（" + ended + "）"));
            }
        }
    }
}
