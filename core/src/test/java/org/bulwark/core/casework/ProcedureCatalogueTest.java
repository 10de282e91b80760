package org.bulwark.core.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProcedureCatalogueTest {

    @Test
    void shippedDefaultFollowsThePolicy() {
        ProcedureDefinition standard = Procedures.shipped().forRegion("522324101209");
        assertThat(standard.totalDays()).isEqualTo(15);
        assertThat(standard.steps(CaseKind.IDENTIFICATION))
                .extracting(StepRule::step)
                .containsExactly(
                        Step.HOME_VERIFICATION,
                        Step.DATA_COMPARISON,
                        Step.VILLAGE_REVIEW,
                        Step.PUBLIC_NOTICE,
                        Step.TOWNSHIP_REVIEW,
                        Step.COUNTY_APPROVAL);
        assertThat(standard.rule(CaseKind.IDENTIFICATION, Step.PUBLIC_NOTICE).minDays())
                .isEqualTo(5);
        assertThat(standard.steps(CaseKind.ELIMINATION)).isEqualTo(standard.steps(CaseKind.IDENTIFICATION));
        assertThat(standard.decisionDueOn(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void provinceChangesOnlyTheKeysItNames() {
        ProcedureCatalogue catalogue = Procedures.shipped();
        ProcedureDefinition hainan = catalogue.forRegion("460100000000");
        assertThat(hainan.totalDays()).isEqualTo(28);
        assertThat(hainan.visitEveryDays()).isEqualTo(30);
        ProcedureDefinition gansu = catalogue.forRegion("62");
        assertThat(gansu.rule(CaseKind.IDENTIFICATION, Step.HOME_VERIFICATION).days())
                .isEqualTo(5);
        assertThat(gansu.totalDays()).isEqualTo(15);
    }

    private static final String GOOD_DEFAULT = """
            default:
              total_days: 15
              visit_every_days: 30
              monitored_at_least_months: 6
              stable_income_months: 6
              max_risk_types: 5
              steps:
                - {step: PUBLIC_NOTICE, roles: [VILLAGE_CADRE], days: 6, min_days: 5}
                - {step: COUNTY_APPROVAL, roles: [COUNTY_APPROVER], days: 2}
            """;

    @Test
    void minimalProcedureLoads() {
        assertThat(Procedures.of(GOOD_DEFAULT).forRegion("52").steps(CaseKind.IDENTIFICATION))
                .hasSize(2);
    }

    @Test
    void procedureThatDoesNotEndWithTheCountyIsRefused() {
        String yaml = GOOD_DEFAULT.replace("  - {step: COUNTY_APPROVAL, roles: [COUNTY_APPROVER], days: 2}\n", "");
        assertThatThrownBy(() -> Procedures.of(yaml)).hasMessageContaining("must end with COUNTY_APPROVAL");
    }

    @Test
    void procedureWithoutPublicNoticeIsRefused() {
        String yaml = GOOD_DEFAULT.replace("PUBLIC_NOTICE", "VILLAGE_REVIEW").replace(", min_days: 5", "");
        assertThatThrownBy(() -> Procedures.of(yaml)).hasMessageContaining("must contain PUBLIC_NOTICE");
    }

    @Test
    void unknownStepNamesTheStepAndProvince() {
        String yaml = GOOD_DEFAULT + """
                provinces:
                  "52":
                    steps:
                      - {step: SIGN_OFF, roles: [X], days: 1}
                """;
        assertThatThrownBy(() -> Procedures.of(yaml))
                .hasMessageContaining("province 52")
                .hasMessageContaining("unknown step 'SIGN_OFF'");
    }

    @Test
    void minimumLongerThanTheLimitIsRefused() {
        String yaml = GOOD_DEFAULT.replace("days: 6, min_days: 5", "days: 4, min_days: 5");
        assertThatThrownBy(() -> Procedures.of(yaml)).hasMessageContaining("min_days");
    }

    @Test
    void missingNumberIsNamed() {
        String yaml = GOOD_DEFAULT.replace("  total_days: 15\n", "");
        assertThatThrownBy(() -> Procedures.of(yaml)).hasMessageContaining("total_days");
    }
}
