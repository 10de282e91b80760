package org.bulwark.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.bulwark.income.IncomeRecord;
import org.junit.jupiter.api.Test;

class IncomeChartTest {

    private static IncomeTrend.Year year(int year, String perCapita, String line) {
        BigDecimal value = new BigDecimal(perCapita);
        IncomeRecord income = new IncomeRecord(
                1, 1, year, value, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, value, 1, value);
        return new IncomeTrend.Year(income, line == null ? null : new BigDecimal(line));
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace("%", ""));
    }

    @Test
    void barsAreOldestFirstAndAsTallAsTheirIncomeOnARoundAxis() {
        IncomeChart chart = IncomeChart.of(
                List.of(year(2026, "6000", "8900"), year(2024, "15000", "8500"), year(2025, "12000", "8700")));
        assertThat(chart.bars()).extracting(IncomeChart.Bar::year).containsExactly(2024, 2025, 2026);
        // the axis runs from 0 to 15,000 in steps of 5,000 (a quarter of the range, rounded up to 1, 2 or 5)
        assertThat(chart.ticks()).extracting(IncomeChart.Tick::label).containsExactly("0", "5,000", "10,000", "15,000");
        double zero = number(chart.ticks().get(0).y());
        double top = number(chart.ticks().get(3).y());
        double perYuan = (zero - top) / 15000;
        for (IncomeChart.Bar bar : chart.bars()) {
            double income = Double.parseDouble(bar.perCapita().replace(",", ""));
            assertThat(number(bar.height())).isCloseTo(income * perYuan, org.assertj.core.data.Offset.offset(0.2));
            assertThat(number(bar.y()) + number(bar.height()))
                    .isCloseTo(zero, org.assertj.core.data.Offset.offset(0.2));
        }
        assertThat(chart.bars()).extracting(IncomeChart.Bar::below).containsExactly(false, false, true);
        assertThat(chart.bars().get(2).perCapita()).isEqualTo("6,000.00");
        assertThat(chart.bars().get(2).line()).isEqualTo("8,900");
        // slots side by side, left to right
        assertThat(number(chart.bars().get(0).x()))
                .isLessThan(number(chart.bars().get(1).x()));
        assertThat(number(chart.bars().get(2).x()) + number(chart.bars().get(2).width()))
                .isLessThanOrEqualTo(100);
    }

    @Test
    void theLineIsALevelPerYearJoinedWhereItChangesAndBrokenWhereAYearHasNone() {
        IncomeChart chart = IncomeChart.of(List.of(
                year(2022, "9000", "8000"),
                year(2023, "9500", "8000"),
                year(2024, "9900", "8500"),
                year(2025, "9900", null),
                year(2026, "9900", "8900")));
        List<IncomeChart.Step> levels =
                chart.steps().stream().filter(s -> s.y1().equals(s.y2())).toList();
        List<IncomeChart.Step> rises =
                chart.steps().stream().filter(s -> !s.y1().equals(s.y2())).toList();
        // four years with a line, each a level; one rise (2023 to 2024): 2022 to 2023 stays, 2025 breaks the line
        assertThat(levels).hasSize(4);
        assertThat(rises).hasSize(1);
        assertThat(rises.get(0).x1()).isEqualTo(levels.get(1).x2());
        assertThat(number(rises.get(0).y2())).isLessThan(number(rises.get(0).y1()));
        assertThat(levels.get(2).x2()).isNotEqualTo(levels.get(3).x1());
    }

    @Test
    void aNegativeIncomeHangsBelowTheZeroLine() {
        IncomeChart chart = IncomeChart.of(List.of(year(2025, "-1500", "8700"), year(2026, "3000", "8900")));
        assertThat(chart.ticks().get(0).label()).startsWith("-");
        double zero = number(chart.ticks().stream()
                .filter(t -> t.label().equals("0"))
                .findFirst()
                .orElseThrow()
                .y());
        IncomeChart.Bar negative = chart.bars().get(0);
        assertThat(number(negative.y())).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.2));
        assertThat(negative.below()).isTrue();
    }

    @Test
    void oneYearWithoutALineStillHasAnAxis() {
        IncomeChart chart = IncomeChart.of(List.of(year(2026, "0", null)));
        assertThat(chart.ticks()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chart.steps()).isEmpty();
        assertThat(chart.bars().get(0).line()).isEmpty();
    }
}
