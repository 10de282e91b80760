package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Windows and whole years and months between days. */
class CalendarTest {

    private static int day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    @Test
    void ageCountsWholeYearsAndTurnsOnTheBirthday() {
        assertThat(CalendarDistance.wholeYears(day(2010, 9, 1), day(2025, 8, 31)))
                .isEqualTo(14);
        assertThat(CalendarDistance.wholeYears(day(2010, 9, 1), day(2025, 9, 1)))
                .isEqualTo(15);
        assertThat(CalendarDistance.wholeYears(day(2010, 9, 1), day(2010, 8, 31)))
                .isEqualTo(-1);
    }

    @Test
    void leapDayBirthdayIsReachedOnTheFirstOfMarchInOtherYears() {
        assertThat(CalendarDistance.wholeYears(day(2008, 2, 29), day(2024, 2, 28)))
                .isEqualTo(15);
        assertThat(CalendarDistance.wholeYears(day(2008, 2, 29), day(2023, 3, 1)))
                .isEqualTo(15);
    }

    @Test
    void wholeMonthsAndYearsAgreeWithJavaTime() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            LocalDate from = LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000);
            LocalDate to = from.plusDays(random.nextInt(20_000));
            int fromDay = (int) from.toEpochDay();
            int toDay = (int) to.toEpochDay();
            assertThat(CalendarDistance.wholeMonths(fromDay, toDay)).isEqualTo(ChronoUnit.MONTHS.between(from, to));
            assertThat(CalendarDistance.wholeYears(fromDay, toDay)).isEqualTo(ChronoUnit.YEARS.between(from, to));
        }
    }

    @Test
    void monthWindowOfTheLastDayOfMarchStartsAfterTheClampedDayInFebruary() {
        Window oneMonth = new Window(Window.Kind.MONTHS, 1);

        DateRange range = oneMonth.range(LocalDate.of(2026, 3, 31));

        assertThat(range.from()).isEqualTo(day(2026, 3, 1));
        assertThat(range.to()).isEqualTo(day(2026, 3, 31));
    }

    @Test
    void schoolYearStartsOnTheFirstOfSeptemberOnOrBeforeTheAsOfDate() {
        Window schoolYear = new Window(Window.Kind.SCHOOL_YEAR, 0);

        assertThat(schoolYear.range(LocalDate.of(2026, 8, 31)).from()).isEqualTo(day(2025, 9, 1));
        assertThat(schoolYear.range(LocalDate.of(2026, 9, 1)).from()).isEqualTo(day(2026, 9, 1));
    }

    @Test
    void lastYearIsTheWholePreviousCalendarYear() {
        DateRange range = new Window(Window.Kind.LAST_YEAR, 0).range(LocalDate.of(2026, 6, 30));

        assertThat(range).isEqualTo(new DateRange(day(2025, 1, 1), day(2025, 12, 31)));
    }

    @Test
    void thisYearAndAllEndAtTheAsOfDate() {
        LocalDate asOf = LocalDate.of(2026, 6, 30);

        assertThat(new Window(Window.Kind.THIS_YEAR, 0).range(asOf))
                .isEqualTo(new DateRange(day(2026, 1, 1), day(2026, 6, 30)));
        assertThat(new Window(Window.Kind.ALL, 0).range(asOf).to()).isEqualTo(day(2026, 6, 30));
    }
}
