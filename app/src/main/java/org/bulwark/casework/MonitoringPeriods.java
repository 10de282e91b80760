package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household's monitoring periods (issue 14, item 11): what the current period's helper, plan and visits are, kept
 * apart from those of earlier periods, which pages show collapsed as 往期监测. Scoped to the user's region by the
 * services it reads.
 */
@Service
@Transactional(readOnly = true)
public class MonitoringPeriods {

    private final Cases cases;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final Visits visits;
    private final Monitoring monitoring;

    MonitoringPeriods(Cases cases, Helpers helpers, SupportPlans plans, Visits visits, Monitoring monitoring) {
        this.cases = cases;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.monitoring = monitoring;
    }

    /** A household's periods, the current one first. */
    public Periods of(long householdId) {
        List<SupportCase> all = cases.ofHousehold(householdId);
        List<SupportCase> identifications = all.stream()
                .filter(c -> c.kind() == CaseKind.IDENTIFICATION)
                .sorted(Comparator.comparingLong(SupportCase::id).reversed())
                .toList();
        List<HelperAssignment> assignments = helpers.history(householdId);
        List<PlanMeasure> measures = plans.measures(householdId);
        List<Visit> visitList = visits.of(householdId);
        if (identifications.isEmpty()) {
            // a household brought in by the county's roster: its period was recorded, not decided by a case here
            return Periods.recorded(
                    assignments.stream().filter(a -> a.caseId() == null).toList(),
                    measures.stream().filter(m -> m.caseId() == null).toList(),
                    visitList.stream().filter(v -> v.caseId() == null).toList());
        }
        MonitoringStatus status = monitoring.status(householdId).orElse(null);
        List<MonitoringPeriod> periods = new ArrayList<>();
        for (SupportCase identification : identifications) {
            long id = identification.id();
            boolean latest = periods.isEmpty();
            List<SupportCase> eliminations = all.stream()
                    .filter(c -> c.kind() == CaseKind.ELIMINATION && periodOf(c, identifications) == id)
                    .toList();
            MonitoringPeriod.Outcome outcome = MonitoringPeriod.ofIdentification(identification, latest, status);
            periods.add(new MonitoringPeriod(
                    identification,
                    eliminations,
                    assignments.stream()
                            .filter(a -> Objects.equals(a.caseId(), id))
                            .toList(),
                    measures.stream()
                            .filter(m -> Objects.equals(m.caseId(), id))
                            .toList(),
                    visitList.stream()
                            .filter(v -> Objects.equals(v.caseId(), id))
                            .toList(),
                    outcome,
                    endedOn(outcome, identification, eliminations, latest, status)));
        }
        return new Periods(periods);
    }

    /** The period a case belongs to, and the periods before it, for the case's page. */
    public Periods around(SupportCase c) {
        Periods periods = of(c.householdId());
        List<MonitoringPeriod> from =
                periods.all().stream().dropWhile(p -> p.id() > c.id()).toList();
        return new Periods(from);
    }

    /** The identification case whose period an elimination case lies in: the latest one opened before it. */
    private static long periodOf(SupportCase elimination, List<SupportCase> identificationsNewestFirst) {
        return identificationsNewestFirst.stream()
                .filter(i -> i.id() < elimination.id())
                .findFirst()
                .map(SupportCase::id)
                .orElse(-1L);
    }

    private static LocalDate endedOn(
            MonitoringPeriod.Outcome outcome,
            SupportCase identification,
            List<SupportCase> eliminations,
            boolean latest,
            MonitoringStatus status) {
        return switch (outcome) {
            case NOT_IDENTIFIED -> identification.decidedOn();
            case ELIMINATED ->
                latest && status != null && status.eliminatedOn() != null
                        ? status.eliminatedOn()
                        : eliminations.stream()
                                .filter(e -> e.status() == CaseStatus.APPROVED)
                                .map(SupportCase::decidedOn)
                                .findFirst()
                                .orElse(null);
            default -> null;
        };
    }

    /**
     * Periods newest first: the first is the current one (or, on a case's page, the case's own), the rest are earlier.
     */
    public record Periods(List<MonitoringPeriod> all, Recorded recorded) {

        public Periods(List<MonitoringPeriod> all) {
            this(all, Recorded.NONE);
        }

        static Periods recorded(List<HelperAssignment> helpers, List<PlanMeasure> measures, List<Visit> visits) {
            return new Periods(List.of(), new Recorded(helpers, measures, visits));
        }

        public Optional<MonitoringPeriod> current() {
            return all.stream().findFirst();
        }

        public List<MonitoringPeriod> earlier() {
            return all.size() <= 1 ? List.of() : all.subList(1, all.size());
        }

        /** The current period's helper now, or the last one an ended period had; null when none was assigned. */
        public HelperAssignment helper() {
            return current()
                    .flatMap(p -> p.currentHelper().or(p::lastHelper))
                    .or(() -> recorded.helpers().stream().findFirst())
                    .orElse(null);
        }

        /** Every helper of the current period, newest first. */
        public List<HelperAssignment> helperHistory() {
            return current().map(MonitoringPeriod::helpers).orElse(recorded.helpers());
        }

        /** The current period's plan. */
        public List<PlanMeasure> measures() {
            return current().map(MonitoringPeriod::measures).orElse(recorded.measures());
        }

        /** The current period's visits, newest first. */
        public List<Visit> visits() {
            return current().map(MonitoringPeriod::visits).orElse(recorded.visits());
        }
    }

    /**
     * The helpers, plan and visits of a household whose monitoring was recorded from the county's roster and that has
     * had no identification case here since: they are its current period's.
     */
    public record Recorded(List<HelperAssignment> helpers, List<PlanMeasure> measures, List<Visit> visits) {
        static final Recorded NONE = new Recorded(List.of(), List.of(), List.of());
    }
}
