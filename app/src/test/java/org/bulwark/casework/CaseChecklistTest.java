package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bulwark.casework.CaseChecklist.Item;
import org.bulwark.casework.CaseChecklist.Part;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Classification;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.ProcedureCatalogue;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.junit.jupiter.api.Test;

/** The checklist of an identification, item by item, from the procedure's own rule (issue 14, item 12). */
class CaseChecklistTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final ProcedureDefinition PROCEDURE = shipped();
    static final Set<RiskType> TWO_RISKS = Set.of(RiskType.ILLNESS, RiskType.SCHOOLING);
    static final Classification CLASSIFIED =
            new Classification(MonitoringType.MARGINAL, TWO_RISKS, false, true, new BigDecimal("12000"));
    static final HelperAssignment HELPER =
            new HelperAssignment(1, 7, 3, "helper", "赵帮扶", DAY.plusDays(8), null, "township", null, 1L);

    static ProcedureDefinition shipped() {
        try (Reader reader = new InputStreamReader(
                CaseChecklistTest.class.getClassLoader().getResourceAsStream("casework/procedure.yaml"),
                StandardCharsets.UTF_8)) {
            return ProcedureCatalogue.load(reader, "casework/procedure.yaml").forRegion("522324101209");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SupportCase at(Step step, LocalDate enteredOn, LocalDate signedOn, Set<RiskType> risks) {
        return new SupportCase(
                1,
                7,
                "5223241012090001",
                "张三",
                "522324101209",
                CaseKind.IDENTIFICATION,
                Channel.GRASSROOTS_VISIT,
                null,
                DAY,
                CaseStatus.OPEN,
                step,
                enteredOn,
                enteredOn.plusDays(2),
                DAY.plusDays(15),
                false,
                null,
                risks.isEmpty() ? null : MonitoringType.MARGINAL,
                risks,
                new BigDecimal("12000"),
                signedOn,
                false,
                null,
                "cadre",
                3);
    }

    static CaseStepRecord passed(Step step, LocalDate on) {
        return new CaseStepRecord(1, step.name(), "PASS", "张村干", on, Instant.EPOCH, null, null, null);
    }

    /** The steps up to the township review: verified on day 1, compared on 2, reviewed on 3, notice ended on 8. */
    static final List<CaseStepRecord> UP_TO_TOWNSHIP = List.of(
            passed(Step.HOME_VERIFICATION, DAY.plusDays(1)),
            passed(Step.DATA_COMPARISON, DAY.plusDays(2)),
            passed(Step.VILLAGE_REVIEW, DAY.plusDays(3)),
            passed(Step.PUBLIC_NOTICE, DAY.plusDays(8)));

    static Item item(CaseChecklist checklist, Part part) {
        return checklist.items().stream()
                .filter(i -> i.part() == part)
                .findFirst()
                .orElseThrow();
    }

    static List<String> codes(Item item) {
        return item.notes().stream().map(Refusal::code).toList();
    }

    @Test
    void aNewCaseMissesEveryItemAndSaysWhatIsMissing() {
        SupportCase c = at(Step.HOME_VERIFICATION, DAY, null, Set.of());
        CaseChecklist checklist = CaseChecklist.of(c, PROCEDURE, null, Optional.empty(), Set.of(), List.of());
        assertThat(checklist.items()).extracting(Item::part).containsExactly(Part.values());
        assertThat(checklist.items()).noneMatch(Item::done);
        assertThat(codes(item(checklist, Part.VERIFICATION)))
                .containsExactly("commitment_missing", "verification_open");
        assertThat(codes(item(checklist, Part.CLASSIFICATION))).containsExactly("type_missing", "risks_missing");
        assertThat(codes(item(checklist, Part.HELPER))).containsExactly("helper_missing");
        assertThat(codes(item(checklist, Part.PLAN))).containsExactly("plan_needs_risks");
        assertThat(item(checklist, Part.NOTICE).notes()).containsExactly(Refusal.of("notice_not_started", 5));
        assertThat(checklist.missingForCounty())
                .extracting(Item::part)
                .containsExactly(Part.CLASSIFICATION, Part.HELPER, Part.PLAN);
    }

    @Test
    void atTheTownshipAPlanMissingOneRiskAndNoHelperAreWhatTheCountyWouldRefuse() {
        SupportCase c = at(Step.TOWNSHIP_REVIEW, DAY.plusDays(8), DAY.plusDays(1), TWO_RISKS);
        CaseChecklist checklist =
                CaseChecklist.of(c, PROCEDURE, CLASSIFIED, Optional.empty(), Set.of(RiskType.ILLNESS), UP_TO_TOWNSHIP);
        assertThat(item(checklist, Part.VERIFICATION).done()).isTrue();
        assertThat(item(checklist, Part.VERIFICATION).notes())
                .containsExactly(Refusal.of("verified", DAY.plusDays(1), DAY.plusDays(1)));
        assertThat(item(checklist, Part.CLASSIFICATION).done()).isTrue();
        assertThat(item(checklist, Part.PLAN).notes())
                .containsExactly(Refusal.of("plan_misses_risks", Set.of(RiskType.SCHOOLING)));
        // the notice hung from the village review's pass to its own: five days, as required
        assertThat(item(checklist, Part.NOTICE).done()).isTrue();
        assertThat(item(checklist, Part.NOTICE).notes())
                .containsExactly(Refusal.of("noticeHung", DAY.plusDays(3), DAY.plusDays(8), 5L, 5));
        assertThat(checklist.missingForCounty()).extracting(Item::part).containsExactly(Part.HELPER, Part.PLAN);
        assertThat(checklist.complete()).isFalse();

        CaseChecklist fixed =
                CaseChecklist.of(c, PROCEDURE, CLASSIFIED, Optional.of(HELPER), TWO_RISKS, UP_TO_TOWNSHIP);
        assertThat(fixed.complete()).isTrue();
        assertThat(fixed.missingForCounty()).isEmpty();
        assertThat(item(fixed, Part.HELPER).notes())
                .containsExactly(Refusal.of("helperAssigned", "赵帮扶", DAY.plusDays(8)));
    }

    @Test
    void anInconsistentClassificationIsMissingForTheCountyToo() {
        // illness without any medical cost the household bore: the county refuses it, so the checklist does
        Classification noCost = new Classification(MonitoringType.MARGINAL, TWO_RISKS, false, true, BigDecimal.ZERO);
        SupportCase c = at(Step.TOWNSHIP_REVIEW, DAY.plusDays(8), DAY.plusDays(1), TWO_RISKS);
        CaseChecklist checklist =
                CaseChecklist.of(c, PROCEDURE, noCost, Optional.of(HELPER), TWO_RISKS, UP_TO_TOWNSHIP);
        assertThat(codes(item(checklist, Part.CLASSIFICATION))).containsExactly("illness_without_cost");
        assertThat(checklist.missingForCounty()).extracting(Item::part).containsExactly(Part.CLASSIFICATION);
    }

    @Test
    void aNoticeStillHangingSaysFromWhenAndUntilWhen() {
        SupportCase c = at(Step.PUBLIC_NOTICE, DAY.plusDays(3), DAY.plusDays(1), TWO_RISKS);
        CaseChecklist checklist =
                CaseChecklist.of(c, PROCEDURE, CLASSIFIED, Optional.empty(), Set.of(), UP_TO_TOWNSHIP.subList(0, 3));
        Item notice = item(checklist, Part.NOTICE);
        assertThat(notice.done()).isFalse();
        assertThat(notice.countyRefuses()).isFalse();
        assertThat(notice.notes()).containsExactly(Refusal.of("notice_running", DAY.plusDays(3), 5, DAY.plusDays(8)));
    }

    @Test
    void onlyAnIdentificationHasTheChecklist() {
        SupportCase identification = at(Step.TOWNSHIP_REVIEW, DAY, DAY, TWO_RISKS);
        SupportCase elimination = new SupportCase(
                1,
                7,
                "5223241012090001",
                "张三",
                "522324101209",
                CaseKind.ELIMINATION,
                Channel.MONITORING,
                null,
                DAY,
                CaseStatus.OPEN,
                Step.TOWNSHIP_REVIEW,
                DAY,
                DAY,
                DAY,
                false,
                null,
                MonitoringType.MARGINAL,
                TWO_RISKS,
                null,
                null,
                false,
                null,
                "cadre",
                0);
        assertThat(CaseChecklist.of(identification, PROCEDURE, CLASSIFIED, Optional.empty(), Set.of(), List.of())
                        .items())
                .hasSize(5);
        assertThatThrownBy(() ->
                        CaseChecklist.of(elimination, PROCEDURE, CLASSIFIED, Optional.empty(), Set.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
