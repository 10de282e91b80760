package org.bulwark.core.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncomeValidationTest {

    private static final int CURRENT_YEAR = 2025;
    private static final BigDecimal OK = new BigDecimal("1200.50");

    @Test
    void acceptsPlausibleFigures() {
        assertThat(IncomeValidation.check(OK, OK, OK, OK, OK, 2024, CURRENT_YEAR))
                .isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceInFieldOrder() {
        List<FieldProblem> problems = IncomeValidation.check(
                null,
                new BigDecimal("-5"),
                new BigDecimal("1.234"),
                new BigDecimal("100000001"),
                null,
                2009,
                CURRENT_YEAR);

        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("wage", "required"),
                        tuple("operating", "negative"),
                        tuple("property", "scale"),
                        tuple("transfer", "too_large"),
                        tuple("productionCost", "required"),
                        tuple("year", "year_range"));
    }

    @Test
    void messagesSayWhatIsWrong() {
        List<FieldProblem> problems = IncomeValidation.check(
                null,
                new BigDecimal("-5"),
                new BigDecimal("1.234"),
                new BigDecimal("100000001"),
                OK,
                2026,
                CURRENT_YEAR);

        assertThat(problems)
                .extracting(FieldProblem::message)
                .containsExactly(
                        "wage is required",
                        "operating must not be negative",
                        "property must have at most 2 decimal places",
                        "transfer must not exceed 100,000,000",
                        "year must be between 2010 and 2025, not 2026");
    }

    @Test
    void reportsBothNegativeAndScaleForOneField() {
        List<FieldProblem> problems =
                IncomeValidation.check(OK, OK, OK, OK, new BigDecimal("-1.234"), 2024, CURRENT_YEAR);

        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("productionCost", "negative"), tuple("productionCost", "scale"));
    }

    @Test
    void zeroIsAcceptedButTheSmallestNegativeIsNot() {
        assertThat(codesForWage(BigDecimal.ZERO)).isEmpty();
        assertThat(codesForWage(new BigDecimal("-0.01"))).containsExactly("negative");
    }

    @Test
    void twoDecimalsAreAcceptedButThreeAreNot() {
        assertThat(codesForWage(new BigDecimal("0.01"))).isEmpty();
        assertThat(codesForWage(new BigDecimal("0.001"))).containsExactly("scale");
    }

    @Test
    void trailingZerosBeyondTwoDecimalsAreNotExtraPrecision() {
        assertThat(codesForWage(new BigDecimal("12.5000"))).isEmpty();
    }

    @Test
    void oneHundredMillionIsAcceptedButOneFenMoreIsNot() {
        assertThat(codesForWage(new BigDecimal("100000000.00"))).isEmpty();
        assertThat(codesForWage(new BigDecimal("100000000.01"))).containsExactly("too_large");
    }

    @Test
    void yearRangeRunsFrom2010ToTheCurrentYear() {
        assertThat(codesForYear(2009)).containsExactly("year_range");
        assertThat(codesForYear(2010)).isEmpty();
        assertThat(codesForYear(CURRENT_YEAR)).isEmpty();
        assertThat(codesForYear(CURRENT_YEAR + 1)).containsExactly("year_range");
    }

    @Test
    void resultCannotBeModified() {
        List<FieldProblem> problems = IncomeValidation.check(null, OK, OK, OK, OK, 2024, CURRENT_YEAR);

        assertThatThrownBy(() -> problems.add(problems.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> codesForWage(BigDecimal wage) {
        return IncomeValidation.check(wage, OK, OK, OK, OK, 2024, CURRENT_YEAR).stream()
                .map(FieldProblem::code)
                .toList();
    }

    private static List<String> codesForYear(int year) {
        return IncomeValidation.check(OK, OK, OK, OK, OK, year, CURRENT_YEAR).stream()
                .map(FieldProblem::code)
                .toList();
    }
}
