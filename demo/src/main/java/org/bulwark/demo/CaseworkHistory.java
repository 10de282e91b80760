package org.bulwark.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bulwark.casework.Cases;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.Declarations;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.MeasureStatus;
import org.bulwark.casework.Monitoring;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.SupportPlans;
import org.bulwark.casework.VerificationInput;
import org.bulwark.casework.VisitInput;
import org.bulwark.casework.Visits;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.core.contact.PhoneNumber;
import org.bulwark.core.generate.TargetSelection;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays a county's casework history through the real services, day by day on the platform's clock: declarations,
 * identification through every step, helpers, plans, deliveries, visits, risk elimination, reversals and re-entries,
 * and cases left at each step. It aims at the figures the county reports (Qinglong: 1,421 households / 5,882 persons
 * identified, risk eliminated for 909 / 3,816), choosing households whose members add up to them.
 */
@Component
class CaseworkHistory {

    private static final Logger log = LoggerFactory.getLogger(CaseworkHistory.class);
    private static final BigDecimal STABLE_INCOME = new BigDecimal("9000");
    /** Days after discovery on which the replay's cases enter each step (see {@code advance}). */
    private static final Map<Step, Integer> ENTERED_AFTER = Map.of(
            Step.HOME_VERIFICATION,
            0,
            Step.DATA_COMPARISON,
            1,
            Step.VILLAGE_REVIEW,
            2,
            Step.PUBLIC_NOTICE,
            3,
            Step.TOWNSHIP_REVIEW,
            8,
            Step.COUNTY_APPROVAL,
            9);
    /** What a resident writes on the public form, by the first difficulty ticked. */
    private static final Map<RiskType, String> IN_THEIR_WORDS = Map.of(
            RiskType.ILLNESS, "家里有人生病住院，医药费花了不少",
            RiskType.DISABILITY, "家人残疾，需要长期照顾，没法外出务工",
            RiskType.SCHOOLING, "孩子上高中，学费生活费负担重",
            RiskType.UNSTABLE_EMPLOYMENT, "在外打工的厂子停工了，这几个月没有收入",
            RiskType.LACK_OF_LABOUR, "家里只剩老人，没有劳动力",
            RiskType.NATURAL_DISASTER, "暴雨冲垮了房后的坎子，房子有危险",
            RiskType.INDUSTRY_FAILURE, "养的猪生病死了不少，贷款还不上",
            RiskType.ACCIDENT, "家里人干活摔伤了，几个月不能做事");

    /** Days after the proposal on which each step of an elimination case is decided, in order. */
    private static final int[] ELIMINATION_DAYS = {0, 1, 2, 7, 8, 9};

    /** The figures to reach. */
    record Targets(int identifiedHouseholds, int identifiedPersons, int eliminatedHouseholds, int eliminatedPersons) {}

    /** What the replay made. */
    record Outcome(
            int identified,
            int identifiedPersons,
            int eliminated,
            int eliminatedPersons,
            int openCases,
            boolean exact) {}

    /** A generated household as the replay needs to know it. */
    private record Household(
            long id,
            String village,
            HouseholdCategory category,
            int members,
            boolean canWork,
            boolean allInsured,
            boolean dropout,
            boolean ill,
            boolean disabled,
            boolean student,
            BigDecimal latestPerCapita,
            String headName,
            String phone,
            boolean openWarning) {

        boolean eliminable() {
            return canWork
                    && allInsured
                    && !dropout
                    && !openWarning
                    && latestPerCapita != null
                    && latestPerCapita.compareTo(STABLE_INCOME) >= 0;
        }
    }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Declarations declarations;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final Visits visits;
    private final Monitoring monitoring;
    private final UserAccounts accounts;
    private final Regions regions;
    private final SwitchableClock clock;

    CaseworkHistory(
            JdbcClient jdbc,
            Cases cases,
            Declarations declarations,
            Helpers helpers,
            SupportPlans plans,
            Visits visits,
            Monitoring monitoring,
            UserAccounts accounts,
            Regions regions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.declarations = declarations;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.monitoring = monitoring;
        this.accounts = accounts;
        this.regions = regions;
        this.clock = (SwitchableClock) clock;
    }

    Outcome replay(String county, Targets targets, long seed, String demoHelperVillage, String password) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        Replay replay = new Replay(county, random, today, demoHelperVillage, password);
        return replay.run(targets);
    }

    /** One replay: its principals, its random source and the households it has used. */
    private final class Replay {

        private final String county;
        private final Random random;
        private final LocalDate today;
        private final BulwarkUser cadre;
        private final BulwarkUser township;
        private final BulwarkUser countyOffice;
        private final Map<String, BulwarkUser> helperByVillage = new HashMap<>();
        private final String demoHelperVillage;
        private final String password;
        private final Set<Long> used = new HashSet<>();
        private int declarationClient;

        Replay(String county, Random random, LocalDate today, String demoHelperVillage, String password) {
            this.county = county;
            this.random = random;
            this.today = today;
            this.demoHelperVillage = demoHelperVillage;
            this.password = password;
            String region = county + "000000";
            // the county's village cadres, township reviewers and approvers, acting through the services
            this.cadre = BulwarkUser.system("村干部（历史回放）", Role.VILLAGE_CADRE, region);
            this.township = BulwarkUser.system("乡镇审核（历史回放）", Role.TOWNSHIP_REVIEWER, region);
            this.countyOffice = BulwarkUser.system("县级审批（历史回放）", Role.COUNTY_APPROVER, region);
        }

        Outcome run(Targets targets) {
            List<Household> all = households();
            Map<Long, Household> byId = new HashMap<>();
            all.forEach(h -> byId.put(h.id(), h));
            TargetSelection.Result eliminated = chooseEliminated(all, targets);
            Set<Long> eliminatedIds = new HashSet<>();
            eliminated.chosen().forEach(c -> eliminatedIds.add(c.id()));
            TargetSelection.Result monitored = chooseMonitored(all, eliminatedIds, targets);
            LocalDate earliest = LocalDate.of(today.getYear() - 1, 1, 1);
            LocalDate latestForElimination = today.minusMonths(6).minusDays(50);
            int done = 0;
            for (TargetSelection.Candidate c : eliminated.chosen()) {
                Household h = byId.get(c.id());
                LocalDate identified = between(earliest, latestForElimination);
                identify(h, identified);
                LocalDate eliminatedOn = eliminate(h, identified);
                keepObserving(h, eliminatedOn);
                log(++done, targets);
            }
            replayMonitored(
                    monitored.chosen().stream().map(c -> byId.get(c.id())).toList(),
                    earliest,
                    latestForElimination,
                    done,
                    targets);
            recentDeclarations(all);
            int open = openCasesAtEveryStep(all);
            int identifiedPersons = eliminated.persons() + monitored.persons();
            return new Outcome(
                    eliminated.chosen().size() + monitored.chosen().size(),
                    identifiedPersons,
                    eliminated.chosen().size(),
                    eliminated.persons(),
                    open,
                    eliminated.exact() && monitored.exact());
        }

        /** The households to be identified and eliminated since: among those not monitored that can be. */
        private TargetSelection.Result chooseEliminated(List<Household> all, Targets targets) {
            List<TargetSelection.Candidate> eliminable = all.stream()
                    .filter(h -> h.category() != HouseholdCategory.MONITORED && h.eliminable())
                    .map(h -> new TargetSelection.Candidate(h.id(), h.members()))
                    .toList();
            return TargetSelection.choose(
                    List.of(),
                    eliminable,
                    Math.min(targets.eliminatedHouseholds(), eliminable.size()),
                    targets.eliminatedPersons(),
                    random);
        }

        /** The households still under monitoring: every one the registry holds as monitored, and more to the target. */
        private TargetSelection.Result chooseMonitored(List<Household> all, Set<Long> eliminatedIds, Targets targets) {
            // every household the registry already holds as monitored is under monitoring in casework too
            List<TargetSelection.Candidate> registeredMonitored = new ArrayList<>(all.stream()
                    .filter(h -> h.category() == HouseholdCategory.MONITORED)
                    .map(h -> new TargetSelection.Candidate(h.id(), h.members()))
                    .toList());
            // and a few in the demo users' own village, so the cadre and the helper have monitored households
            all.stream()
                    .filter(h -> h.village().equals(demoHelperVillage)
                            && h.category() != HouseholdCategory.MONITORED
                            && !eliminatedIds.contains(h.id()))
                    .limit(3)
                    .forEach(h -> registeredMonitored.add(new TargetSelection.Candidate(h.id(), h.members())));
            List<TargetSelection.Candidate> others = all.stream()
                    .filter(h -> h.category() != HouseholdCategory.MONITORED && !eliminatedIds.contains(h.id()))
                    .map(h -> new TargetSelection.Candidate(h.id(), h.members()))
                    .toList();
            int monitoredCount = Math.max(
                    targets.identifiedHouseholds() - targets.eliminatedHouseholds(), registeredMonitored.size());
            return TargetSelection.choose(
                    registeredMonitored,
                    others,
                    monitoredCount,
                    targets.identifiedPersons() - targets.eliminatedPersons(),
                    random);
        }

        /**
         * The monitored households' history: mostly identified and visited, with a few whose risk returned after
         * elimination, a few eliminations the county reversed and a few elimination cases under way.
         */
        private void replayMonitored(
                List<Household> monitoredHouseholds,
                LocalDate earliest,
                LocalDate latestForElimination,
                int done,
                Targets targets) {
            int reentries = Math.max(1, monitoredHouseholds.size() / 50);
            int reversals = Math.max(1, monitoredHouseholds.size() / 100);
            int eliminationCases = Math.max(2, monitoredHouseholds.size() / 80);
            for (Household h : monitoredHouseholds) {
                boolean eliminableAgain = h.eliminable() && h.category() != HouseholdCategory.MONITORED;
                if (eliminableAgain && reentries > 0) {
                    LocalDate identified = between(earliest, latestForElimination.minusMonths(3));
                    identify(h, identified);
                    LocalDate eliminatedOn = eliminate(h, identified);
                    identify(h, between(eliminatedOn.plusDays(30), today.minusDays(12)));
                    reentries--;
                } else if (eliminableAgain && reversals > 0) {
                    LocalDate identified = between(earliest, latestForElimination.minusMonths(1));
                    identify(h, identified);
                    LocalDate eliminatedOn = eliminate(h, identified);
                    on(eliminatedOn.plusDays(20), countyOffice, () -> monitoring.reverse(h.id(), "复核发现家庭收入仍不稳定"));
                    reversals--;
                } else if (eliminableAgain && eliminationCases > 0) {
                    LocalDate identified = between(earliest, latestForElimination);
                    identify(h, identified);
                    startElimination(h, identified, eliminationCases % 6);
                    eliminationCases--;
                } else {
                    LocalDate identified = between(today.minusMonths(18), today.minusDays(12));
                    identify(h, identified);
                    keepVisiting(h, identified);
                }
                log(++done, targets);
            }
        }

        private void log(int done, Targets targets) {
            if (done % 200 == 0) {
                log.info("Demo casework: {} of {} households identified", done, targets.identifiedHouseholds());
            }
        }

        /** Identification through every step; returns the approved case. Discovery is ten days before approval. */
        SupportCase identify(Household h, LocalDate approvedOn) {
            used.add(h.id());
            LocalDate discovered = approvedOn.minusDays(10);
            Set<RiskType> risks = risksOf(h);
            SupportCase c;
            if (random.nextInt(10) < 3) {
                var declaration = on(
                        discovered,
                        cadre,
                        () -> declarations.record(
                                new DeclarationInput(h.headName(), h.phone(), null, h.village(), risks, "到村委会反映家庭困难"),
                                random.nextBoolean() ? "SERVICE_WINDOW" : "HOTLINE"));
                c = on(discovered, cadre, () -> declarations.accept(declaration.id(), declaration.version(), h.id()));
            } else {
                c = on(
                        discovered,
                        cadre,
                        () -> cases.open(new OpenCaseInput(
                                h.id(), Channel.GRASSROOTS_VISIT, null, discovered, risks, "网格员走访发现")));
            }
            c = advance(h, c, discovered, Step.COUNTY_APPROVAL);
            final SupportCase atCounty = c;
            SupportCase approved = on(
                    approvedOn,
                    countyOffice,
                    () -> cases.decide(atCounty.id(), atCounty.version(), Decision.PASS, "同意纳入监测", null));
            for (PlanMeasure measure : on(approvedOn, cadre, () -> plans.measures(h.id()))) {
                if (measure.status() == MeasureStatus.PLANNED) {
                    on(
                            approvedOn.plusDays(5),
                            cadre,
                            () -> plans.deliver(measure.id(), measure.version(), approvedOn.plusDays(5)));
                }
            }
            return approved;
        }

        /**
         * Takes a newly opened identification case (discovered on {@code discovered}) through the steps before
         * {@code stop}, on the days the procedure allows; arranges the helper and plan at the township step.
         */
        SupportCase advance(Household h, SupportCase opened, LocalDate discovered, Step stop) {
            SupportCase c = opened;
            Set<RiskType> risks = c.risks().isEmpty() ? risksOf(h) : c.risks();
            if (stop == Step.HOME_VERIFICATION) {
                return c;
            }
            final SupportCase toVerify = c;
            c = on(
                    discovered.plusDays(1),
                    cadre,
                    () -> cases.recordVerification(
                            toVerify.id(),
                            toVerify.version(),
                            new VerificationInput(
                                    true,
                                    typeOf(h),
                                    risks,
                                    risks.contains(RiskType.ILLNESS)
                                            ? BigDecimal.valueOf(3000 + random.nextInt(27000))
                                            : null)));
            Step[] order = {
                Step.HOME_VERIFICATION,
                Step.DATA_COMPARISON,
                Step.VILLAGE_REVIEW,
                Step.PUBLIC_NOTICE,
                Step.TOWNSHIP_REVIEW
            };
            int[] days = {1, 2, 3, 8, 9};
            BulwarkUser[] deciders = {cadre, countyOffice, cadre, cadre, township};
            for (int i = 0; i < order.length && order[i] != stop; i++) {
                if (order[i] == Step.TOWNSHIP_REVIEW) {
                    arrangeHelpAndPlan(h, risks, discovered.plusDays(9));
                }
                final SupportCase current = c;
                c = on(
                        discovered.plusDays(days[i]),
                        deciders[i],
                        () -> cases.decide(
                                current.id(),
                                current.version(),
                                Decision.PASS,
                                order[0] == current.step() ? "入户核实属实" : "同意",
                                current.step() == Step.PUBLIC_NOTICE ? 0 : null));
            }
            return c;
        }

        void arrangeHelpAndPlan(Household h, Set<RiskType> risks, LocalDate day) {
            BulwarkUser helper = helperFor(h.village());
            on(day, township, () -> helpers.assign(h.id(), helper.getUsername(), null));
            for (RiskType risk : risks) {
                on(day, cadre, () -> plans.add(h.id(), measureFor(risk, day)));
            }
        }

        /** Visits with stable income, then the elimination procedure; returns the day the risk was eliminated. */
        LocalDate eliminate(Household h, LocalDate identified) {
            LocalDate proposed = identified.plusMonths(6).plusDays(16 + random.nextInt(25));
            SupportCase c = startElimination(h, identified, proposed, 6);
            return c.decidedOn();
        }

        /** An elimination case left at its step {@code steps} (0: the first), which it entered a day ago. */
        SupportCase startElimination(Household h, LocalDate identified, int steps) {
            LocalDate proposed = today.minusDays((steps == 0 ? 0 : ELIMINATION_DAYS[steps - 1]) + 1L);
            return startElimination(h, identified, proposed, steps);
        }

        /** Records stable income on visits, proposes elimination on {@code proposed} and passes {@code steps} steps. */
        SupportCase startElimination(Household h, LocalDate identified, LocalDate proposed, int steps) {
            BulwarkUser helper = helperFor(h.village());
            visit(h, helper, identified.plusDays(15), "IMPROVED", "务工收入稳定，医疗费用已报销");
            visit(h, helper, proposed.minusDays(2), "STABLE", "家庭收入稳定，两不愁三保障无问题");
            SupportCase c = on(proposed, cadre, () -> cases.proposeElimination(h.id(), "收入稳定超过监测范围"));
            BulwarkUser[] deciders = {cadre, countyOffice, cadre, cadre, township, countyOffice};
            for (int i = 0; i < steps; i++) {
                final SupportCase current = c;
                c = on(
                        proposed.plusDays(ELIMINATION_DAYS[i]),
                        deciders[i],
                        () -> cases.decide(
                                current.id(),
                                current.version(),
                                Decision.PASS,
                                "同意",
                                current.step() == Step.PUBLIC_NOTICE ? 0 : null));
            }
            return c;
        }

        /** After elimination the household is observed: a visit every two or three months, a few of them late. */
        void keepObserving(Household h, LocalDate eliminatedOn) {
            BulwarkUser helper = helperFor(h.village());
            LocalDate stop = random.nextInt(10) == 0 ? today.minusDays(100 + random.nextInt(30)) : today.minusDays(1);
            for (LocalDate day = eliminatedOn.plusDays(60 + random.nextInt(20));
                    !day.isAfter(stop);
                    day = day.plusDays(60 + random.nextInt(25))) {
                visit(h, helper, day, "STABLE", "风险消除后持续跟踪，收入稳定");
            }
        }

        void keepVisiting(Household h, LocalDate identified) {
            BulwarkUser helper = helperFor(h.village());
            // some households are visited on time, some are overdue: the township's list shows both
            LocalDate day = identified.plusDays(10 + random.nextInt(15));
            LocalDate stop = random.nextInt(10) < 3 ? today.minusDays(35 + random.nextInt(30)) : today.minusDays(1);
            while (!day.isAfter(stop)) {
                visit(h, helper, day, random.nextInt(4) == 0 ? "IMPROVED" : "STABLE", "了解家庭收入和帮扶措施落实情况");
                day = day.plusDays(20 + random.nextInt(15));
            }
        }

        void visit(Household h, BulwarkUser helper, LocalDate day, String circumstances, String findings) {
            BigDecimal income = STABLE_INCOME.add(BigDecimal.valueOf(random.nextInt(6000)));
            on(
                    day,
                    helper,
                    () -> visits.record(new VisitInput(
                            UUID.nameUUIDFromBytes((h.id() + "/" + day).getBytes(StandardCharsets.UTF_8)),
                            h.id(),
                            day,
                            findings,
                            income,
                            circumstances)));
        }

        /** Four identification cases left at each step, some past their limits, and a dozen rejected. */
        int openCasesAtEveryStep(List<Household> all) {
            List<Household> fresh = new ArrayList<>(all.stream()
                    .filter(h -> !used.contains(h.id()) && h.category() != HouseholdCategory.MONITORED)
                    .toList());
            Collections.shuffle(fresh, random);
            // the demo users' village and township first, so the cases waiting at each step are theirs to see
            String township = demoHelperVillage.substring(0, 9);
            fresh.sort(Comparator.comparingInt(
                    h -> h.village().equals(demoHelperVillage) ? 0 : h.village().startsWith(township) ? 1 : 2));
            int next = 0;
            int open = 0;
            for (Step step : Step.values()) {
                for (int i = 0; i < 4 && next < fresh.size(); i++) {
                    Household h = fresh.get(next++);
                    used.add(h.id());
                    // entered its step a day or two ago; the last of each four is late, discovered three weeks ago
                    LocalDate discovered = today.minusDays(ENTERED_AFTER.get(step) + 1 + i % 2 + (i == 3 ? 21 : 0));
                    SupportCase c = on(
                            discovered,
                            cadre,
                            () -> cases.open(new OpenCaseInput(
                                    h.id(), Channel.GRASSROOTS_VISIT, null, discovered, risksOf(h), "网格员走访发现")));
                    advance(h, c, discovered, step);
                    open++;
                }
            }
            for (int i = 0; i < 12 && next < fresh.size(); i++) {
                Household h = fresh.get(next++);
                used.add(h.id());
                LocalDate discovered = between(today.minusMonths(10), today.minusDays(20));
                SupportCase c = on(
                        discovered,
                        cadre,
                        () -> cases.open(new OpenCaseInput(
                                h.id(), Channel.GRASSROOTS_VISIT, null, discovered, risksOf(h), "网格员走访发现")));
                on(
                        discovered.plusDays(1),
                        cadre,
                        () -> cases.decide(c.id(), c.version(), Decision.REJECT, "入户核实：家庭收入高于监测范围，无返贫风险", null));
            }
            return open;
        }

        /** A few residents' declarations from the public form, waiting for the village, and two declined. */
        void recentDeclarations(List<Household> all) {
            List<Household> inDemoTownship = all.stream()
                    .filter(h -> h.village().startsWith(demoHelperVillage.substring(0, 9)) && !used.contains(h.id()))
                    .limit(8)
                    .toList();
            for (int i = 0; i < inDemoTownship.size(); i++) {
                Household h = inDemoTownship.get(i);
                used.add(h.id());
                Set<RiskType> risks = risksOf(h);
                LocalDate day = today.minusDays(i % 4);
                String client = "demo-" + (declarationClient++);
                var receipt = on(
                        day,
                        cadre,
                        () -> declarations.submitPublic(
                                new DeclarationInput(
                                        h.headName(),
                                        h.phone(),
                                        null,
                                        h.village(),
                                        risks,
                                        IN_THEIR_WORDS.getOrDefault(
                                                risks.iterator().next(), "家里遇到困难，希望村里了解情况")),
                                client));
                if (i >= 6) {
                    long id = jdbc.sql("select id from declaration where receipt_number = :r")
                            .param("r", receipt.receiptNumber())
                            .query(Long.class)
                            .single();
                    on(day, cadre, () -> declarations.decline(id, 0, "经核实已纳入低保，家庭无返贫风险"));
                }
            }
        }

        private Set<RiskType> risksOf(Household h) {
            Set<RiskType> risks = EnumSet.noneOf(RiskType.class);
            if (h.ill()) {
                risks.add(RiskType.ILLNESS);
            }
            if (h.disabled()) {
                risks.add(RiskType.DISABILITY);
            }
            if (h.student() && random.nextInt(3) == 0) {
                risks.add(RiskType.SCHOOLING);
            }
            if (!h.canWork()) {
                risks.add(RiskType.LACK_OF_LABOUR);
            } else if (random.nextInt(4) == 0) {
                risks.add(RiskType.UNSTABLE_EMPLOYMENT);
            }
            if (random.nextInt(10) == 0) {
                risks.add(RiskType.NATURAL_DISASTER);
            }
            if (random.nextInt(14) == 0) {
                risks.add(RiskType.INDUSTRY_FAILURE);
            }
            if (risks.isEmpty()) {
                risks.add(random.nextBoolean() ? RiskType.ACCIDENT : RiskType.OTHER);
            }
            while (risks.size() > RiskType.MAX_PER_HOUSEHOLD) {
                risks.remove(
                        risks.contains(RiskType.INDUSTRY_FAILURE)
                                ? RiskType.INDUSTRY_FAILURE
                                : RiskType.NATURAL_DISASTER);
            }
            return risks;
        }

        private MonitoringType typeOf(Household h) {
            if (h.category() == HouseholdCategory.FORMERLY_POOR) {
                return MonitoringType.UNSTABLE_FORMERLY_POOR;
            }
            return random.nextInt(8) == 0 ? MonitoringType.SUDDEN_HARDSHIP : MonitoringType.MARGINAL;
        }

        private MeasureInput measureFor(RiskType risk, LocalDate day) {
            return switch (risk) {
                case ILLNESS ->
                    new MeasureInput(
                            MeasureCategory.HEALTH,
                            risk,
                            "医疗保障局",
                            "大病保险和医疗救助倾斜",
                            BigDecimal.valueOf(2000 + random.nextInt(8000)),
                            day,
                            day.plusYears(1));
                case DISABILITY ->
                    new MeasureInput(
                            MeasureCategory.SOCIAL_ASSISTANCE,
                            risk,
                            "残疾人联合会",
                            "两项补贴",
                            BigDecimal.valueOf(1200),
                            day,
                            day.plusYears(1));
                case SCHOOLING ->
                    new MeasureInput(
                            MeasureCategory.OTHER_EDUCATION,
                            risk,
                            "教育局",
                            "雨露计划助学",
                            BigDecimal.valueOf(3000),
                            day,
                            day.plusYears(1));
                case UNSTABLE_EMPLOYMENT ->
                    new MeasureInput(MeasureCategory.EMPLOYMENT, risk, "人力资源和社会保障局", "就业帮扶车间岗位", null, day, null);
                case LACK_OF_LABOUR ->
                    new MeasureInput(
                            MeasureCategory.SOCIAL_SECURITY,
                            risk,
                            "民政局",
                            "纳入农村低保",
                            BigDecimal.valueOf(4200),
                            day,
                            day.plusYears(1));
                case NATURAL_DISASTER ->
                    new MeasureInput(
                            MeasureCategory.HOUSING_SAFETY,
                            risk,
                            "住房和城乡建设局",
                            "灾后农房修缮补助",
                            BigDecimal.valueOf(10000),
                            day,
                            null);
                case INDUSTRY_FAILURE ->
                    new MeasureInput(
                            MeasureCategory.MICROCREDIT,
                            risk,
                            "乡村振兴局",
                            "脱贫人口小额信贷",
                            BigDecimal.valueOf(50000),
                            day,
                            day.plusYears(3));
                default ->
                    new MeasureInput(
                            MeasureCategory.SOCIAL_ASSISTANCE,
                            risk,
                            "民政局",
                            "临时救助",
                            BigDecimal.valueOf(2000),
                            day,
                            null);
            };
        }

        /** The helper of a village: the demo's own helper in its village, one account per township elsewhere. */
        private BulwarkUser helperFor(String village) {
            return helperByVillage.computeIfAbsent(village, v -> {
                if (v.equals(demoHelperVillage)) {
                    return accounts.find("helper").orElseThrow();
                }
                String township = v.substring(0, 9);
                String username = "helper-" + township;
                return accounts.find(username).orElseGet(() -> {
                    accounts.create(
                            username,
                            password,
                            "帮扶员（" + regions.nameOf(township + "000") + "）",
                            Role.HELPER,
                            township + "000");
                    return accounts.find(username).orElseThrow();
                });
            });
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return to;
            }
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }

        private <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
            try (var fixed = clock.at(day);
                    var acting = CurrentUser.actAs(user)) {
                return action.get();
            }
        }

        private List<Household> households() {
            return jdbc.sql("""
                    select h.id, h.village_code, h.category, h.phone, count(p.id) as members,
                           bool_or(p.labour_capacity in ('ABLE', 'WEAK')) as can_work,
                           bool_and(p.medical_insured) as all_insured,
                           bool_or(p.schooling = 'DROPPED_OUT') as dropout,
                           bool_or(p.health in ('CHRONIC_ILLNESS', 'SERIOUS_ILLNESS')) as ill,
                           bool_or(p.disability <> 'NONE') as disabled,
                           bool_or(p.schooling in ('SENIOR_SECONDARY', 'VOCATIONAL', 'HIGHER')) as student,
                           max(p.name) filter (where p.relation = 'HEAD') as head_name,
                           (select i.per_capita from household_income i where i.household_id = h.id
                            order by i.year desc limit 1) as latest,
                           exists (select 1 from warning w where w.household_id = h.id and w.status = 'OPEN'
                                   and w.direction = 'DOWN') as open_warning
                    from household h join person p on p.household_id = h.id
                    where h.village_code like :county
                      -- households with a casework history of their own (entered by people) are left alone
                      and not exists (select 1 from monitoring m where m.household_id = h.id)
                      and not exists (select 1 from support_case c where c.household_id = h.id)
                    group by h.id order by h.id
                    """)
                    .param("county", county + "%")
                    .query((rs, n) -> {
                        String phone = rs.getString("phone");
                        return new Household(
                                rs.getLong("id"),
                                rs.getString("village_code"),
                                HouseholdCategory.valueOf(rs.getString("category")),
                                rs.getInt("members"),
                                rs.getBoolean("can_work"),
                                rs.getBoolean("all_insured"),
                                rs.getBoolean("dropout"),
                                rs.getBoolean("ill"),
                                rs.getBoolean("disabled"),
                                rs.getBoolean("student"),
                                rs.getBigDecimal("latest"),
                                rs.getString("head_name"),
                                PhoneNumber.parse(phone)
                                        .filter(PhoneNumber::isMobile)
                                        .map(PhoneNumber::value)
                                        .orElse("139" + String.format("%08d", rs.getLong("id") % 100_000_000)),
                                rs.getBoolean("open_warning"));
                    })
                    .list();
        }
    }
}
