package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.junit.jupiter.api.Test;

/** A household's history folded to a quarter's end, on the turns a quarter can hold. */
class QuarterHistoryTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);

    private static QuarterHistory.Event identified(String on, MonitoringType type, RiskType... risks) {
        return new QuarterHistory.Event("IDENTIFIED", LocalDate.parse(on), type, Set.of(risks));
    }

    private static QuarterHistory.Event event(String event, String on) {
        return new QuarterHistory.Event(event, LocalDate.parse(on), null, Set.of());
    }

    @Test
    void identifiedAndEliminatedWithinTheQuarterCountsAsBoth() {
        var asOf = QuarterHistory.fold(
                List.of(
                        identified("2025-04-02", MonitoringType.MARGINAL, RiskType.ILLNESS),
                        event("ELIMINATED", "2025-06-30")),
                FROM,
                TO);
        assertThat(asOf.counted())
                .containsExactlyInAnyOrder(
                        QuarterlyMeasure.IDENTIFIED,
                        QuarterlyMeasure.IDENTIFIED_TO_END,
                        QuarterlyMeasure.ELIMINATED,
                        QuarterlyMeasure.ELIMINATED_TO_END);
        assertThat(asOf.type()).isEqualTo(MonitoringType.MARGINAL);
    }

    @Test
    void eventsAfterTheQuarterEndChangeNothing() {
        var later = QuarterHistory.fold(
                List.of(identified("2025-07-01", MonitoringType.MARGINAL, RiskType.ILLNESS)), FROM, TO);
        assertThat(later.counted()).isEmpty();
        var before = QuarterHistory.fold(
                List.of(
                        identified("2024-01-01", MonitoringType.UNSTABLE_FORMERLY_POOR, RiskType.SCHOOLING),
                        event("ELIMINATED", "2024-09-01"),
                        event("REVERSED", "2025-07-02")),
                FROM,
                TO);
        assertThat(before.counted())
                .containsExactlyInAnyOrder(QuarterlyMeasure.IDENTIFIED_TO_END, QuarterlyMeasure.ELIMINATED_TO_END);
    }

    @Test
    void reEntryTakesTheNewTypeAndRisks() {
        var asOf = QuarterHistory.fold(
                List.of(
                        identified("2024-01-01", MonitoringType.UNSTABLE_FORMERLY_POOR, RiskType.SCHOOLING),
                        event("ELIMINATED", "2025-04-10"),
                        new QuarterHistory.Event(
                                "REENTERED",
                                LocalDate.parse("2025-05-01"),
                                MonitoringType.SUDDEN_HARDSHIP,
                                Set.of(RiskType.ACCIDENT))),
                FROM,
                TO);
        assertThat(asOf.counted())
                .containsExactlyInAnyOrder(
                        QuarterlyMeasure.IDENTIFIED,
                        QuarterlyMeasure.REENTERED,
                        QuarterlyMeasure.IDENTIFIED_TO_END,
                        QuarterlyMeasure.MONITORED_AT_END);
        assertThat(asOf.type()).isEqualTo(MonitoringType.SUDDEN_HARDSHIP);
        assertThat(asOf.risks()).containsExactly(RiskType.ACCIDENT);
    }
}
