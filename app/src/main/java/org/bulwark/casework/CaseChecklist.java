package org.bulwark.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.core.casework.CaseFacts;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseProcedure;
import org.bulwark.core.casework.Classification;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.core.casework.StepRule;

/**
 * What an identification needs before the county approves it, item by item (issue 14, item 12): home verification with
 * the signed commitment, type and risks, the designated helper, a plan answering each risk, and the public notice of
 * its minimum days. The items the county refuses for come from the procedure's own rule
 * ({@link CaseProcedure#readyForApproval}), so the checklist, the township and the county never disagree.
 *
 * @param items the five items, in the order the procedure reaches them
 */
public record CaseChecklist(List<Item> items) {

    /** The parts of the checklist, in order. */
    public enum Part {
        VERIFICATION,
        CLASSIFICATION,
        HELPER,
        PLAN,
        NOTICE
    }

    /**
     * One item: whether it is done, what is said about it (what is missing, or what was done — message codes
     * {@code casework.refused.<code>} and {@code cases.checklist.<code>}) and whether the county refuses without it.
     */
    public record Item(Part part, boolean done, List<Refusal> notes, boolean countyRefuses) {
        public Item {
            notes = List.copyOf(notes);
        }
    }

    public CaseChecklist {
        items = List.copyOf(items);
    }

    /**
     * The checklist of an identification case.
     *
     * @param classification type and risks with the household's facts (null when nothing was recorded yet)
     * @param helper         the household's current helper, if any
     * @param answered       the risk types a measure of the plan (not cancelled) answers
     * @param steps          the decisions taken on the case so far, in order
     */
    public static CaseChecklist of(
            SupportCase c,
            ProcedureDefinition definition,
            Classification classification,
            Optional<HelperAssignment> helper,
            Set<RiskType> answered,
            List<CaseStepRecord> steps) {
        if (c.kind() != CaseKind.IDENTIFICATION) {
            throw new IllegalArgumentException("only an identification has this checklist");
        }
        CaseFacts facts = new CaseFacts(
                c.kind(),
                Step.COUNTY_APPROVAL,
                c.stepEnteredOn(),
                c.commitmentSignedOn() != null,
                classification,
                helper.isPresent(),
                answered,
                null);
        Map<Part, List<Refusal>> refused = byPart(new CaseProcedure(definition).readyForApproval(facts));
        Map<Step, LocalDate> passed = passedOn(steps);
        List<Item> items = new ArrayList<>();
        items.add(verification(c, passed));
        items.add(classification(c, refused.get(Part.CLASSIFICATION)));
        items.add(helper(helper, refused.get(Part.HELPER)));
        items.add(plan(c, answered, refused.get(Part.PLAN)));
        items.add(notice(c, definition, passed));
        return new CaseChecklist(items);
    }

    /** The items the county would refuse the case for, not yet done: what the township must fix before it passes. */
    public List<Item> missingForCounty() {
        return items.stream().filter(i -> i.countyRefuses() && !i.done()).toList();
    }

    /** Whether every item is done. */
    public boolean complete() {
        return items.stream().allMatch(Item::done);
    }

    private static Map<Part, List<Refusal>> byPart(List<Refusal> refusals) {
        Map<Part, List<Refusal>> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            parts.put(part, new ArrayList<>());
        }
        for (Refusal r : refusals) {
            Part part = switch (r.code()) {
                case "helper_missing" -> Part.HELPER;
                case "plan_misses_risks" -> Part.PLAN;
                default -> Part.CLASSIFICATION;
            };
            parts.get(part).add(r);
        }
        return parts;
    }

    /** The day each step was last passed. */
    private static Map<Step, LocalDate> passedOn(List<CaseStepRecord> steps) {
        Map<Step, LocalDate> passed = new LinkedHashMap<>();
        for (CaseStepRecord s : steps) {
            if ("PASS".equals(s.decision())) {
                passed.put(Step.valueOf(s.step()), s.decidedOn());
            }
        }
        return passed;
    }

    private static Item verification(SupportCase c, Map<Step, LocalDate> passed) {
        List<Refusal> missing = new ArrayList<>();
        if (c.commitmentSignedOn() == null) {
            missing.add(Refusal.of("commitment_missing"));
        }
        LocalDate verified = passed.get(Step.HOME_VERIFICATION);
        if (verified == null) {
            missing.add(Refusal.of("verification_open"));
        }
        return missing.isEmpty()
                ? done(Part.VERIFICATION, false, Refusal.of("verified", c.commitmentSignedOn(), verified))
                : new Item(Part.VERIFICATION, false, missing, false);
    }

    private static Item classification(SupportCase c, List<Refusal> problems) {
        return problems.isEmpty()
                ? done(Part.CLASSIFICATION, true, Refusal.of("classified", c.monitoringType(), c.risks()))
                : new Item(Part.CLASSIFICATION, false, problems, true);
    }

    private static Item helper(Optional<HelperAssignment> helper, List<Refusal> problems) {
        return problems.isEmpty() && helper.isPresent()
                ? done(
                        Part.HELPER,
                        true,
                        Refusal.of(
                                "helperAssigned",
                                helper.get().helperName(),
                                helper.get().startsOn()))
                : new Item(Part.HELPER, false, problems, true);
    }

    private static Item plan(SupportCase c, Set<RiskType> answered, List<Refusal> problems) {
        if (c.risks().isEmpty()) {
            // nothing to answer yet: the risks come first (the classification item says so too)
            return new Item(Part.PLAN, false, List.of(Refusal.of("plan_needs_risks")), true);
        }
        Set<RiskType> covered = EnumSet.copyOf(c.risks());
        covered.retainAll(answered);
        return problems.isEmpty()
                ? done(Part.PLAN, true, Refusal.of("planCovers", covered))
                : new Item(Part.PLAN, false, problems, true);
    }

    /**
     * The notice hangs from the day the step before it passed (the day the case entered it) to the day it passed; the
     * procedure lets it pass only after its minimum days.
     */
    private static Item notice(SupportCase c, ProcedureDefinition definition, Map<Step, LocalDate> passed) {
        StepRule rule = definition.rule(c.kind(), Step.PUBLIC_NOTICE);
        LocalDate ended = passed.get(Step.PUBLIC_NOTICE);
        if (ended != null) {
            LocalDate began =
                    before(definition, Step.PUBLIC_NOTICE).map(passed::get).orElse(null);
            return began == null
                    ? done(Part.NOTICE, false, Refusal.of("noticeEnded", ended, rule.minDays()))
                    : done(
                            Part.NOTICE,
                            false,
                            Refusal.of(
                                    "noticeHung", began, ended, ChronoUnit.DAYS.between(began, ended), rule.minDays()));
        }
        if (c.open() && c.step() == Step.PUBLIC_NOTICE) {
            return new Item(
                    Part.NOTICE,
                    false,
                    List.of(Refusal.of(
                            "notice_running",
                            c.stepEnteredOn(),
                            rule.minDays(),
                            rule.earliestPassOn(c.stepEnteredOn()))),
                    false);
        }
        return new Item(Part.NOTICE, false, List.of(Refusal.of("notice_not_started", rule.minDays())), false);
    }

    private static Optional<Step> before(ProcedureDefinition definition, Step step) {
        List<StepRule> steps = definition.steps(CaseKind.IDENTIFICATION);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                return Optional.of(steps.get(i - 1).step());
            }
        }
        return Optional.empty();
    }

    private static Item done(Part part, boolean countyRefuses, Refusal note) {
        return new Item(part, true, List.of(note), countyRefuses);
    }
}
