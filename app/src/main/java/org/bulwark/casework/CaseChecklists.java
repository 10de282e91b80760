package org.bulwark.casework;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.Classification;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist of an identification case as its page shows it (issue 14, item 12): each item done or not, in words,
 * with where on the platform it is done. Read with the same facts the procedure decides on.
 */
@Service
@Transactional(readOnly = true)
public class CaseChecklists {

    private final Cases cases;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final HouseholdFacts facts;
    private final CaseworkProcedure procedures;
    private final CaseworkMessages messages;
    private final CurrentUser currentUser;

    CaseChecklists(
            Cases cases,
            Helpers helpers,
            SupportPlans plans,
            HouseholdFacts facts,
            CaseworkProcedure procedures,
            CaseworkMessages messages,
            CurrentUser currentUser) {
        this.cases = cases;
        this.helpers = helpers;
        this.plans = plans;
        this.facts = facts;
        this.procedures = procedures;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    /**
     * One line of the checklist on the page.
     *
     * @param part          the item (its label is {@code cases.checklist.part.<part>})
     * @param detail        what was done, or what is missing, in words
     * @param href          where the item is done (null when it can no longer be done from the page)
     * @param countyRefuses the county refuses the identification while this item is missing
     */
    public record Line(CaseChecklist.Part part, boolean done, String detail, String href, boolean countyRefuses) {}

    /** The checklist of an identification case in the user's scope. */
    public CaseChecklist of(long caseId) {
        SupportCase c = cases.get(caseId);
        if (c.kind() != CaseKind.IDENTIFICATION) {
            throw new IllegalArgumentException("case " + caseId + " is not an identification");
        }
        HouseholdFile file = facts.file(c.householdId());
        Classification classification = c.monitoringType() == null && c.risks().isEmpty()
                ? null
                : new Classification(
                        c.monitoringType(),
                        c.risks(),
                        HouseholdFacts.formerlyPoor(file),
                        HouseholdFacts.anyoneCanWork(file),
                        c.medicalOutOfPocket());
        Set<RiskType> answered = EnumSet.noneOf(RiskType.class);
        plans.measures(c.householdId()).stream()
                .filter(m -> m.status() != MeasureStatus.CANCELLED)
                .forEach(m -> answered.add(m.riskType()));
        CaseChecklist checklist = CaseChecklist.of(
                c,
                procedures.definition(c.villageCode()),
                classification,
                helpers.current(c.householdId()),
                answered,
                cases.steps(caseId));
        return withheldHealthData(c) ? withoutHealthJudgement(checklist) : checklist;
    }

    /** The lines of the case's checklist; empty for a risk-elimination case, which has its assessment instead. */
    public List<Line> lines(SupportCase c) {
        if (c.kind() != CaseKind.IDENTIFICATION) {
            return List.of();
        }
        return of(c.id()).items().stream().map(i -> line(c, i)).toList();
    }

    /** The labels of the items the county would refuse the case for, still missing (e.g. 帮扶责任人、帮扶计划). */
    public List<String> missingForCounty(SupportCase c) {
        if (c.kind() != CaseKind.IDENTIFICATION) {
            return List.of();
        }
        return of(c.id()).missingForCounty().stream()
                .map(i -> messages.message("cases.checklist.part." + i.part().name(), List.of()))
                .toList();
    }

    private Line line(SupportCase c, CaseChecklist.Item item) {
        String detail = String.join(
                "；",
                item.notes().stream()
                        .map(n -> item.done()
                                ? messages.message("cases.checklist." + n.code(), n.arguments())
                                : messages.text(n))
                        .toList());
        return new Line(
                item.part(), item.done(), detail, item.done() ? null : href(c, item.part()), item.countyRefuses());
    }

    /** Where the item is done: the verification form on the case page, the household's helper and plan, the notice. */
    private static String href(SupportCase c, CaseChecklist.Part part) {
        boolean verifying = c.open() && c.step() == Step.HOME_VERIFICATION;
        return switch (part) {
            case VERIFICATION -> verifying ? "#commitmentSigned" : null;
            case CLASSIFICATION -> verifying ? "#monitoringType" : null;
            case HELPER -> c.open() ? "/households/" + c.householdId() + "/casework#helper" : null;
            case PLAN -> c.open() ? "/households/" + c.householdId() + "/casework#category" : null;
            case NOTICE -> c.open() && c.step() == Step.PUBLIC_NOTICE ? "/cases/" + c.id() + "/notice" : null;
        };
    }

    /** A reader without health data sees no medical cost, so the checklist does not judge illness by it. */
    private boolean withheldHealthData(SupportCase c) {
        return c.medicalOutOfPocket() == null
                && currentUser
                        .find()
                        .map(u -> !u.can(Role.Permission.READ_SENSITIVE_DATA))
                        .orElse(false);
    }

    private static CaseChecklist withoutHealthJudgement(CaseChecklist checklist) {
        return new CaseChecklist(checklist.items().stream()
                .map(i -> {
                    List<Refusal> notes = i.notes().stream()
                            .filter(n -> !n.code().equals("illness_without_cost"))
                            .toList();
                    return notes.isEmpty() && !i.done()
                            ? new CaseChecklist.Item(i.part(), true, List.of(), i.countyRefuses())
                            : new CaseChecklist.Item(i.part(), i.done(), notes, i.countyRefuses());
                })
                .toList());
    }
}
