package org.bulwark.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.casework.Cases;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.Monitoring;
import org.bulwark.casework.MonitoringPeriods;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.Visit;
import org.bulwark.exchange.DepartmentRecords;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.income.IncomeRecord;
import org.bulwark.income.Incomes;
import org.bulwark.industry.BenefitLink;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.platform.web.PersonalDataMask;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.Registry;
import org.bulwark.safetynet.SafetyNet;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningExplanation;
import org.bulwark.screening.WarningExplanations;
import org.bulwark.screening.Warnings;
import org.bulwark.village.VillageConditions;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One household, one file: members, incomes against the monitoring line, department records, warnings with their
 * evidence, casework with each case's steps, the plan, visits and the trail — one page composed from the modules,
 * each section read with one query.
 */
@Controller
class HouseholdFilePage {

    static final int RECORDS = 50;
    static final int WARNINGS = 20;
    static final int VISITS = 5;

    private final Registry registry;
    private final Incomes incomes;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final PersonalDataMask mask;
    private final Clock clock;
    private final Warnings warnings;
    private final Monitoring monitoring;
    private final Cases cases;
    private final Helpers helpers;
    private final DepartmentRecords records;
    private final IncomeTrend incomeTrend;
    private final FileTrail trail;
    private final WarningExplanations explanations;
    private final TransactionTemplate readOnly;
    private final MonitoringPeriods periods;
    private final VillageConditions villageConditions;
    private final SafetyNet safetyNet;
    private final BenefitLinks benefitLinks;

    HouseholdFilePage(
            Registry registry,
            Incomes incomes,
            Regions regions,
            CurrentUser currentUser,
            PersonalDataMask mask,
            Clock clock,
            Warnings warnings,
            Monitoring monitoring,
            Cases cases,
            Helpers helpers,
            DepartmentRecords records,
            IncomeTrend incomeTrend,
            FileTrail trail,
            WarningExplanations explanations,
            PlatformTransactionManager transactions,
            MonitoringPeriods periods,
            VillageConditions villageConditions,
            SafetyNet safetyNet,
            BenefitLinks benefitLinks) {
        this.periods = periods;
        this.villageConditions = villageConditions;
        this.safetyNet = safetyNet;
        this.benefitLinks = benefitLinks;
        this.registry = registry;
        this.incomes = incomes;
        this.regions = regions;
        this.currentUser = currentUser;
        this.mask = mask;
        this.clock = clock;
        this.warnings = warnings;
        this.monitoring = monitoring;
        this.cases = cases;
        this.helpers = helpers;
        this.records = records;
        this.incomeTrend = incomeTrend;
        this.trail = trail;
        this.explanations = explanations;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The sections are read in one read-only transaction: one connection and one commit for the page instead of one
     * per section (each module's reads are transactional of their own), and the sections agree with each other.
     */
    @GetMapping("/households/{id}")
    String file(@PathVariable long id, Model model) {
        read(id, model);
        return "households/file";
    }

    /** The page's model of one household, read in one read-only transaction. */
    void read(long id, Model model) {
        readOnly.executeWithoutResult(status -> sections(id, model));
    }

    private void sections(long id, Model model) {
        HouseholdFile file = registry.file(id);
        BulwarkUser user = currentUser.require();
        String village = file.household().villageCode();
        model.addAttribute("file", file);
        model.addAttribute("regionPath", regions.path(village));
        members(file, user, model);
        // what the trail covers besides the household itself: entity type → ids, as the sections found them
        Map<String, List<?>> parts = new LinkedHashMap<>();
        parts.put("person", file.members().stream().map(Person::id).toList());
        incomes(id, village, model, parts);
        model.addAttribute("safetyNet", safetyNet.of(id));
        industry(id, model, parts);
        model.addAttribute("records", records.ofHousehold(id, village, RECORDS));
        warnings(id, model, parts);
        casework(id, model, parts);
        villageConditions(village, model);
        model.addAttribute("trail", trail.of(user, id, FileTrail.subjects(id, parts)));
    }

    private void incomes(long id, String village, Model model, Map<String, List<?>> parts) {
        List<IncomeRecord> incomeRecords = incomes.of(id);
        List<IncomeTrend.Year> years = incomeTrend.years(village, incomeRecords);
        model.addAttribute("incomeYears", years);
        model.addAttribute("incomeChart", years.isEmpty() ? null : incomeTrend.chart(years));
        parts.put("income", incomeRecords.stream().map(IncomeRecord::id).toList());
    }

    /** What the household received from industry projects, and how (the industry module, issue 16). */
    private void industry(long id, Model model, Map<String, List<?>> parts) {
        List<BenefitLink> links = benefitLinks.ofHousehold(id);
        model.addAttribute("benefitLinks", links);
        parts.put("benefit_link", links.stream().map(BenefitLink::id).toList());
    }

    private void warnings(long id, Model model, Map<String, List<?>> parts) {
        List<Warning> warningList = warnings.ofHousehold(id, WARNINGS);
        Map<Long, WarningExplanation> evidence = new HashMap<>();
        // the evidence of an illness or disability warning is health data: Warnings leaves it out for some roles
        warningList.stream()
                .filter(w -> w.evidence() != null)
                .forEach(w -> evidence.put(w.id(), explanations.explain(w)));
        model.addAttribute("seesSensitive", currentUser.require().can(Role.Permission.READ_SENSITIVE_DATA));
        model.addAttribute("warnings", warningList);
        model.addAttribute("evidence", evidence);
        parts.put("warning", warningList.stream().map(Warning::id).toList());
    }

    /** Monitoring status, helper, plan, each case with its steps, and the latest visits. */
    private void casework(long id, Model model, Map<String, List<?>> parts) {
        List<SupportCase> caseList = cases.ofHousehold(id);
        // the current monitoring period's plan and visits; earlier periods apart (issue 14, item 11)
        MonitoringPeriods.Periods all = periods.of(id);
        List<PlanMeasure> measures = all.measures();
        List<Visit> visitList = all.visits();
        model.addAttribute("monitoringStatus", monitoring.status(id).orElse(null));
        model.addAttribute("caseList", caseList);
        model.addAttribute("caseSteps", caseList.isEmpty() ? Map.of() : cases.stepsOfHousehold(id));
        model.addAttribute("helper", helpers.current(id).orElse(null));
        model.addAttribute("measures", measures);
        model.addAttribute("period", all.current().orElse(null));
        model.addAttribute("earlierPeriods", all.earlier());
        model.addAttribute("recentVisits", visitList.stream().limit(VISITS).toList());
        model.addAttribute("moreVisits", Math.max(0, visitList.size() - VISITS));
        parts.put("case", caseList.stream().map(SupportCase::id).toList());
        // the trail covers every period's measures and visits, not only the current one's
        parts.put(
                "plan_measure",
                all.all().stream()
                        .flatMap(p -> p.measures().stream())
                        .map(PlanMeasure::id)
                        .toList());
        parts.put(
                "visit",
                all.all().stream()
                        .flatMap(p -> p.visits().stream())
                        .map(Visit::id)
                        .toList());
    }

    /** The village's latest reported conditions, up to this year (the household's surroundings, issue 16). */
    private void villageConditions(String village, Model model) {
        model.addAttribute(
                "villageConditions",
                villageConditions
                        .latest(village, LocalDate.now(clock).getYear())
                        .orElse(null));
        model.addAttribute("villageIndicators", villageConditions.catalogue().indicators());
    }

    /** Members with their ages; identity and phone numbers masked (a reveal is a permission, and audited). */
    private void members(HouseholdFile file, BulwarkUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Integer> ages = new HashMap<>();
        Map<Long, String> maskedIds = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        file.members().forEach(p -> {
            ages.put(p.id(), Period.between(p.birthDate(), today).getYears());
            maskedIds.put(p.id(), mask.id(p.idNumber()));
            names.put(p.id(), p.name());
        });
        model.addAttribute("ages", ages);
        model.addAttribute("maskedIds", maskedIds);
        model.addAttribute("memberNames", names);
        model.addAttribute("maskedPhone", mask.phone(file.household().phone()));
        model.addAttribute("headId", file.head().map(Person::id).orElse(0L));
        model.addAttribute(
                "canRevealPhone",
                file.head().isPresent()
                        && file.household().phone() != null
                        && user.can(Role.Permission.REVEAL_PERSONAL_DATA));
    }
}
