package org.bulwark.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.income.Incomes;
import org.bulwark.platform.web.PersonalDataMask;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One household, one file: members, incomes and the audit trail on one page, composed from the modules. */
@Controller
class HouseholdFilePage {

    private final Registry registry;
    private final Incomes incomes;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final PersonalDataMask mask;
    private final Clock clock;
    private final org.bulwark.screening.Warnings warnings;
    private final org.bulwark.casework.Monitoring monitoring;
    private final org.bulwark.casework.Cases cases;
    private final org.bulwark.casework.Helpers helpers;
    private final org.bulwark.casework.SupportPlans plans;
    private final org.bulwark.casework.Visits visits;

    HouseholdFilePage(Registry registry, Incomes incomes, Regions regions, CurrentUser currentUser, AuditLog audit,
                      PersonalDataMask mask, Clock clock, org.bulwark.screening.Warnings warnings,
                      org.bulwark.casework.Monitoring monitoring, org.bulwark.casework.Cases cases,
                      org.bulwark.casework.Helpers helpers, org.bulwark.casework.SupportPlans plans,
                      org.bulwark.casework.Visits visits) {
        this.warnings = warnings;
        this.monitoring = monitoring;
        this.cases = cases;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.registry = registry;
        this.incomes = incomes;
        this.regions = regions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.mask = mask;
        this.clock = clock;
    }

    @GetMapping("/households/{id}")
    String file(@PathVariable long id, Model model) {
        HouseholdFile file = registry.file(id);
        BulwarkUser user = currentUser.require();
        LocalDate today = LocalDate.now(clock);
        Map<Long, Integer> ages = new HashMap<>();
        Map<Long, String> maskedIds = new HashMap<>();
        file.members().forEach(p -> {
            ages.put(p.id(), Period.between(p.birthDate(), today).getYears());
            maskedIds.put(p.id(), mask.id(p.idNumber()));
        });
        model.addAttribute("file", file);
        model.addAttribute("regionPath", regions.path(file.household().villageCode()));
        var incomeRecords = incomes.of(id);
        model.addAttribute("incomes", incomeRecords);
        model.addAttribute("ages", ages);
        model.addAttribute("maskedIds", maskedIds);
        model.addAttribute("maskedPhone", mask.phone(file.household().phone()));
        model.addAttribute("headId", file.head().map(p -> p.id()).orElse(0L));
        model.addAttribute("canRevealPhone", file.head().isPresent() && file.household().phone() != null
                && user.can(Role.Permission.REVEAL_PERSONAL_DATA));
        model.addAttribute("audit", user.can(Role.Permission.READ_AUDIT)
                ? audit.about(user.scope(), Map.of(
                        "household", java.util.List.of(String.valueOf(id)),
                        "person", file.members().stream().map(p -> String.valueOf(p.id())).toList(),
                        "income", incomeRecords.stream().map(r -> String.valueOf(r.id())).toList()), 30)
                : null);
        // one household, one file: its warnings and casework next to members and incomes
        model.addAttribute("warnings", warnings.ofHousehold(id, 20));
        model.addAttribute("monitoringStatus", monitoring.status(id).orElse(null));
        model.addAttribute("caseList", cases.ofHousehold(id));
        model.addAttribute("helper", helpers.current(id).orElse(null));
        model.addAttribute("measures", plans.measures(id));
        model.addAttribute("recentVisits", visits.of(id).stream().limit(3).toList());
        return "households/file";
    }
}
