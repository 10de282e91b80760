package org.bulwark.core.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomeAccountTest {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    @Test
    void netIncomeAddsIncomesAndSubtractsProductionCost() {
        IncomeAccount account = account("20000", "8000", "500", "3000", "2500");

        assertThat(account.netIncome()).isEqualTo(new BigDecimal("29000.00"));
    }

    @Test
    void netIncomeHasScaleTwo() {
        assertThat(account("1", "0", "0", "0", "0").netIncome()).isEqualTo(new BigDecimal("1.00"));
        assertThat(account("0.005", "0", "0", "0", "0").netIncome()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void netIncomeIsNegativeWhenCostsExceedIncome() {
        IncomeAccount failedHarvest = account("0", "3000", "0", "1000", "6000");

        assertThat(failedHarvest.netIncome()).isEqualTo(new BigDecimal("-2000.00"));
        assertThat(failedHarvest.perCapita(3)).isEqualTo(new BigDecimal("-666.67"));
    }

    @Test
    void netIncomeIsZeroWhenCostsEqualIncome() {
        assertThat(account("0", "3000", "0", "0", "3000").netIncome()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void perCapitaRoundsHalfUpToTwoDecimals() {
        assertThat(account("100", "0", "0", "0", "0").perCapita(3)).isEqualTo(new BigDecimal("33.33"));
        assertThat(account("200", "0", "0", "0", "0").perCapita(3)).isEqualTo(new BigDecimal("66.67"));
        assertThat(account("0.05", "0", "0", "0", "0").perCapita(2)).isEqualTo(new BigDecimal("0.03"));
    }

    @Test
    void perCapitaOfOneMemberIsTheNetIncome() {
        IncomeAccount account = account("8700", "0", "0", "0", "0");

        assertThat(account.perCapita(1)).isEqualTo(account.netIncome());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void perCapitaNeedsAtLeastOneMember(int members) {
        IncomeAccount account = account("8700", "0", "0", "0", "0");

        assertThatThrownBy(() -> account.perCapita(members))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("members must be at least 1, not " + members);
    }

    @Test
    void acceptsZeroForEveryComponent() {
        assertThat(new IncomeAccount(ZERO, ZERO, ZERO, ZERO, ZERO).netIncome()).isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wage", "operating", "property", "transfer", "productionCost"})
    void rejectsNegativeComponentNamingTheField(String field) {
        assertThatThrownBy(() -> withComponent(field, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wage", "operating", "property", "transfer", "productionCost"})
    void rejectsMissingComponentNamingTheField(String field) {
        assertThatThrownBy(() -> withComponent(field, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " must not be null");
    }

    private static IncomeAccount withComponent(String field, BigDecimal amount) {
        BigDecimal one = BigDecimal.ONE;
        return new IncomeAccount(
                field.equals("wage") ? amount : one,
                field.equals("operating") ? amount : one,
                field.equals("property") ? amount : one,
                field.equals("transfer") ? amount : one,
                field.equals("productionCost") ? amount : one);
    }

    private static IncomeAccount account(String wage, String operating, String property, String transfer, String cost) {
        return new IncomeAccount(
                new BigDecimal(wage),
                new BigDecimal(operating),
                new BigDecimal(property),
                new BigDecimal(transfer),
                new BigDecimal(cost));
    }
}
