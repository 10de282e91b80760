package org.bulwark.core.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.bulwark.core.industry.IndustryFailureCheck.Reason;
import org.junit.jupiter.api.Test;

class IndustryFailureCheckTest {

    static final BigDecimal NONE = BigDecimal.ZERO;
    static final BigDecimal LEAST = new BigDecimal("500");

    @Test
    void flagsALinkToAProjectThatFailedInOrBeforeTheYear() {
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2026, 2026, new BigDecimal("900"), NONE))
                .contains(Reason.PROJECT_FAILED);
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2025, 2026, new BigDecimal("900"), NONE))
                .contains(Reason.PROJECT_FAILED);
    }

    @Test
    void doesNotCountAFailureAfterTheYearAgainstIt() {
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2027, 2026, new BigDecimal("900"), NONE))
                .isEmpty();
        assertThat(IndustryFailureCheck.check(ProjectState.CLOSED, 2027, 2026, new BigDecimal("900"), NONE))
                .isEmpty();
        assertThat(IndustryFailureCheck.check(ProjectState.CLOSED, 2026, 2026, new BigDecimal("900"), NONE))
                .contains(Reason.PROJECT_CLOSED);
    }

    @Test
    void flagsAnActiveProjectThatPaidNothingOnlyWhenTheLeastIsZero() {
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, null, NONE))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, NONE, NONE))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, new BigDecimal("0.01"), NONE))
                .isEmpty();
    }

    @Test
    void flagsAPaymentJustBelowTheLeastAmountAndNotOneAtIt() {
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, new BigDecimal("499.99"), LEAST))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, LEAST, LEAST))
                .isEmpty();
    }

    @Test
    void readsEveryValueFromItsChineseWordOrItsCode() {
        for (Class<? extends Enum<?>> type : java.util.List.of(
                EntityKind.class,
                Industry.class,
                FundingSource.class,
                ProjectState.class,
                BenefitKind.class,
                CollectiveIncomeSource.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(IndustryWords.word(value)).isNotBlank();
            }
        }
        assertThat(IndustryWords.parse(BenefitKind.class, "入股分红")).contains(BenefitKind.DIVIDEND);
        assertThat(IndustryWords.parse(BenefitKind.class, "land_rent")).contains(BenefitKind.LAND_RENT);
        assertThat(IndustryWords.parse(BenefitKind.class, "分红")).isEmpty();
    }
}
