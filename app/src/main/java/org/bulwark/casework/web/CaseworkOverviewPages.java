package org.bulwark.casework.web;

import java.time.LocalDate;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.Visits;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Regions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The casework figures of a region with drill-down, and the visits due with the helpers' caseloads. */
@Controller
class CaseworkOverviewPages {

    private final CaseworkStatistics statistics;
    private final Visits visits;
    private final Helpers helpers;
    private final Regions regions;
    private final CurrentUser currentUser;

    CaseworkOverviewPages(CaseworkStatistics statistics, Visits visits, Helpers helpers, Regions regions,
                          CurrentUser currentUser) {
        this.statistics = statistics;
        this.visits = visits;
        this.helpers = helpers;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/casework/statistics")
    String statistics(@RequestParam(required = false) String region,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model) {
        var figures = statistics.of(region, from, to);
        model.addAttribute("s", figures);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("regionPath", regions.path(figures.total().regionCode()));
        model.addAttribute("scopePrefixLength", currentUser.scope().prefix().length());
        return "cases/statistics";
    }

    @GetMapping("/visits")
    String visits(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("due", visits.due(overdue, 500));
        model.addAttribute("overdue", overdue);
        boolean township = currentUser.require().can(Role.Permission.ASSIGN_HELPERS);
        model.addAttribute("caseloads", township ? helpers.caseloads() : java.util.List.of());
        return "cases/visits";
    }
}
