package org.bulwark.casework;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * Where one household stood at a quarter's end, read from its monitoring events up to that day — not from its status
 * today: a household identified in Q1 and eliminated in Q3 was under monitoring at the end of Q2.
 */
final class QuarterHistory {

    /**
     * One monitoring event of the household, with the type and risks decided by the case behind it (for an
     * identification; null for the other events).
     */
    record Event(String event, LocalDate on, MonitoringType type, Set<RiskType> risks) {}

    /**
     * The household as of the quarter's end: its type and risks of its latest identification, and the figures it
     * counts in (empty when it had not been identified by then).
     */
    record AsOf(MonitoringType type, Set<RiskType> risks, Set<QuarterlyMeasure> counted) {}

    private QuarterHistory() {}

    /** Folds the events (in the order they happened) up to the quarter's end. */
    static AsOf fold(List<Event> events, LocalDate from, LocalDate to) {
        boolean monitored = false;
        boolean identified = false;
        MonitoringType type = null;
        Set<RiskType> risks = Set.of();
        Set<QuarterlyMeasure> inQuarter = EnumSet.noneOf(QuarterlyMeasure.class);
        for (Event e : events) {
            if (e.on().isAfter(to)) {
                break;
            }
            boolean within = !e.on().isBefore(from);
            switch (e.event()) {
                case "IDENTIFIED", "REENTERED" -> {
                    identified = true;
                    monitored = true;
                    type = e.type() == null ? type : e.type();
                    risks = e.risks() == null || e.risks().isEmpty() ? risks : e.risks();
                    add(inQuarter, within, QuarterlyMeasure.IDENTIFIED);
                    add(inQuarter, within && e.event().equals("REENTERED"), QuarterlyMeasure.REENTERED);
                }
                case "ELIMINATED" -> {
                    monitored = false;
                    add(inQuarter, within, QuarterlyMeasure.ELIMINATED);
                }
                case "REVERSED" -> {
                    monitored = true;
                    add(inQuarter, within, QuarterlyMeasure.REVERSED);
                }
                default -> throw new IllegalStateException("unknown monitoring event " + e.event());
            }
        }
        return new AsOf(type, risks, atEnd(identified, monitored, inQuarter));
    }

    private static Set<QuarterlyMeasure> atEnd(boolean identified, boolean monitored, Set<QuarterlyMeasure> inQuarter) {
        Set<QuarterlyMeasure> counted = EnumSet.noneOf(QuarterlyMeasure.class);
        counted.addAll(inQuarter);
        if (!identified) {
            return counted;
        }
        counted.add(QuarterlyMeasure.IDENTIFIED_TO_END);
        counted.add(monitored ? QuarterlyMeasure.MONITORED_AT_END : QuarterlyMeasure.ELIMINATED_TO_END);
        if (monitored) {
            // an elimination later reversed or followed by a return of risk in the quarter did not last
            counted.remove(QuarterlyMeasure.ELIMINATED);
        }
        return counted;
    }

    private static void add(Set<QuarterlyMeasure> set, boolean condition, QuarterlyMeasure measure) {
        if (condition) {
            set.add(measure);
        }
    }
}
