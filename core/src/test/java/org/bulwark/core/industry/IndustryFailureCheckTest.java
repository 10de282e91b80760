package org.bulwark.core.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.industry.IndustryFailureCheck.ProjectYear;
import org.bulwark.core.industry.IndustryFailureCheck.Reason;
import org.bulwark.core.industry.IndustryFailureCheck.Snapshot;
import org.junit.jupiter.api.Test;

class IndustryFailureCheckTest {

    static final BigDecimal NONE = BigDecimal.ZERO;
    static final BigDecimal LEAST = new BigDecimal("500");

    @Test
    void flagsALinkToAProjectThatFailedInOrBeforeTheYear() {
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2026, 2026, new BigDecimal("900"), NONE, true))
                .contains(Reason.PROJECT_FAILED);
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2025, 2026, new BigDecimal("900"), NONE, true))
                .contains(Reason.PROJECT_FAILED);
    }

    @Test
    void doesNotCountAFailureAfterTheYearAgainstIt() {
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2027, 2026, new BigDecimal("900"), NONE, true))
                .isEmpty();
        assertThat(IndustryFailureCheck.check(ProjectState.CLOSED, 2027, 2026, new BigDecimal("900"), NONE, true))
                .isEmpty();
        assertThat(IndustryFailureCheck.check(ProjectState.CLOSED, 2026, 2026, new BigDecimal("900"), NONE, true))
                .contains(Reason.PROJECT_CLOSED);
    }

    @Test
    void flagsAnActiveProjectThatPaidNothingOnlyWhenTheLeastIsZero() {
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, null, NONE, true))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, NONE, NONE, true))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, new BigDecimal("0.01"), NONE, true))
                .isEmpty();
    }

    @Test
    void flagsAPaymentAtTheLeastAmountAndNotOneJustAboveIt() {
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, LEAST, LEAST, true))
                .contains(Reason.PAID_TOO_LITTLE);
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, new BigDecimal("500.01"), LEAST, true))
                .isEmpty();
    }

    @Test
    void paidNothingCountsOnlyOnceThePaymentIsDueButAFailureAtOnce() {
        assertThat(IndustryFailureCheck.check(ProjectState.ACTIVE, null, 2026, NONE, NONE, false))
                .isEmpty();
        assertThat(IndustryFailureCheck.check(ProjectState.FAILED, 2026, 2026, NONE, NONE, false))
                .contains(Reason.PROJECT_FAILED);
    }

    @Test
    void aPaymentIsDueFromTheGivenWholeMonthsIntoTheYearAndAlwaysForAPastYear() {
        assertThat(IndustryFailureCheck.paymentDue(2026, LocalDate.of(2026, 7, 1), 6))
                .isTrue();
        assertThat(IndustryFailureCheck.paymentDue(2026, LocalDate.of(2026, 6, 30), 6))
                .isFalse();
        assertThat(IndustryFailureCheck.paymentDue(2025, LocalDate.of(2026, 1, 2), 6))
                .isTrue();
        assertThat(IndustryFailureCheck.paymentDue(2027, LocalDate.of(2026, 12, 31), 0))
                .isFalse();
        assertThat(IndustryFailureCheck.paymentDue(2026, LocalDate.of(2026, 1, 1), 0))
                .isTrue();
    }

    @Test
    void aSnapshotCountsStoppedProjectsAndTheLeastOtherPayment() {
        Snapshot s = IndustryFailureCheck.snapshot(
                2026,
                List.of(
                        new ProjectYear(ProjectState.FAILED, 2026, new BigDecimal("300")),
                        new ProjectYear(ProjectState.FAILED, 2027, new BigDecimal("800")),
                        new ProjectYear(ProjectState.ACTIVE, null, null),
                        new ProjectYear(ProjectState.ACTIVE, null, new BigDecimal("1200"))));
        assertThat(s).isEqualTo(new Snapshot(4, 1, BigDecimal.ZERO, new BigDecimal("2300")));

        Snapshot allStopped = IndustryFailureCheck.snapshot(
                2026, List.of(new ProjectYear(ProjectState.CLOSED, 2025, new BigDecimal("50"))));
        assertThat(allStopped).isEqualTo(new Snapshot(1, 1, BigDecimal.ZERO, new BigDecimal("50")));
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
