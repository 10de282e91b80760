package org.bulwark.core.safetynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.safetynet.GuaranteeState.GAP;
import static org.bulwark.core.safetynet.GuaranteeState.NOT_RECORDED;
import static org.bulwark.core.safetynet.GuaranteeState.SECURED;

import java.util.List;
import org.bulwark.core.registry.Schooling;
import org.junit.jupiter.api.Test;

class ThreeGuaranteesTest {

    private static final ThreeGuarantees GUARANTEES = new ThreeGuarantees(6, 15);

    private static GuaranteeFacts.Member adult() {
        return new GuaranteeFacts.Member(40, Schooling.NOT_SCHOOL_AGE, null, true, null);
    }

    private static GuaranteeFacts.Member child(int age, Schooling schooling, String schoolStatus) {
        return new GuaranteeFacts.Member(age, schooling, schoolStatus, true, null);
    }

    private static GuaranteeStatus status(
            List<GuaranteeFacts.Member> members, String grade, boolean renovated, String water) {
        return GUARANTEES.status(new GuaranteeFacts(members, grade, renovated, water));
    }

    @Test
    void aHouseholdWithEveryGuaranteeSecured() {
        GuaranteeStatus status =
                status(List.of(adult(), child(9, Schooling.COMPULSORY, "enrolled")), "B", false, "safe");

        assertThat(status.allSecured()).isTrue();
        assertThat(status.anyGap()).isFalse();
    }

    @Test
    void aDropOutOfCompulsorySchoolAgeIsAnEducationGapOutsideThatAgeItIsNot() {
        assertThat(status(List.of(child(15, Schooling.DROPPED_OUT, null)), "A", false, "safe")
                        .state(Guarantee.EDUCATION))
                .isEqualTo(GAP);
        assertThat(status(List.of(child(16, Schooling.DROPPED_OUT, null)), "A", false, "safe")
                        .state(Guarantee.EDUCATION))
                .isEqualTo(SECURED);
        assertThat(status(List.of(child(6, Schooling.COMPULSORY, "dropped_out")), "A", false, "safe")
                        .state(Guarantee.EDUCATION))
                .isEqualTo(GAP);
    }

    @Test
    void theEducationDepartmentsRecordDecidesOverTheRegistry() {
        // the registry still says dropped out; the school reports the child back in school
        assertThat(status(List.of(child(12, Schooling.DROPPED_OUT, "enrolled")), null, false, null)
                        .state(Guarantee.EDUCATION))
                .isEqualTo(SECURED);
    }

    @Test
    void oneUninsuredMemberIsAMedicalGapUnlessTheEnrolmentRecordSaysEnrolled() {
        GuaranteeFacts.Member uninsured = new GuaranteeFacts.Member(30, null, null, false, null);
        GuaranteeFacts.Member enrolledSince = new GuaranteeFacts.Member(30, null, null, false, true);
        GuaranteeFacts.Member reportedNot = new GuaranteeFacts.Member(30, null, null, true, false);

        assertThat(status(List.of(adult(), uninsured), null, false, null).state(Guarantee.MEDICAL_INSURANCE))
                .isEqualTo(GAP);
        assertThat(status(List.of(adult(), enrolledSince), null, false, null).state(Guarantee.MEDICAL_INSURANCE))
                .isEqualTo(SECURED);
        assertThat(status(List.of(reportedNot), null, false, null).state(Guarantee.MEDICAL_INSURANCE))
                .isEqualTo(GAP);
    }

    @Test
    void housingGradedCOrDIsAGapUntilRenovated() {
        assertThat(status(List.of(adult()), "C", false, null).state(Guarantee.HOUSING))
                .isEqualTo(GAP);
        assertThat(status(List.of(adult()), "D", true, null).state(Guarantee.HOUSING))
                .isEqualTo(SECURED);
        assertThat(status(List.of(adult()), "B", false, null).state(Guarantee.HOUSING))
                .isEqualTo(SECURED);
        assertThat(status(List.of(adult()), null, false, null).state(Guarantee.HOUSING))
                .isEqualTo(NOT_RECORDED);
    }

    @Test
    void unsafeWaterIsAGapAnInterruptionIsNot() {
        assertThat(status(List.of(adult()), null, false, "unsafe").state(Guarantee.DRINKING_WATER))
                .isEqualTo(GAP);
        assertThat(status(List.of(adult()), null, false, "interrupted").state(Guarantee.DRINKING_WATER))
                .isEqualTo(SECURED);
        GuaranteeStatus unknown = status(List.of(adult()), null, false, null);
        assertThat(unknown.state(Guarantee.DRINKING_WATER)).isEqualTo(NOT_RECORDED);
        assertThat(unknown.allSecured()).isFalse();
        assertThat(unknown.anyGap()).isFalse();
    }
}
