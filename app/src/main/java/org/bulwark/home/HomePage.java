package org.bulwark.home;

import java.util.stream.Collectors;
import org.bulwark.identity.CurrentUser;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.RegistryFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page and the region browser. */
@Controller
class HomePage {

    private final CurrentUser currentUser;
    private final Regions regions;
    private final RegistryFigures figures;
    private final org.bulwark.casework.CaseworkWorklist worklist;
    private final org.bulwark.screening.Warnings warnings;
    private final org.bulwark.exchange.Batches batches;
    private final org.bulwark.identity.UserAdministration users;

    HomePage(CurrentUser currentUser, Regions regions, RegistryFigures figures,
             org.bulwark.casework.CaseworkWorklist worklist, org.bulwark.screening.Warnings warnings,
             org.bulwark.exchange.Batches batches, org.bulwark.identity.UserAdministration users) {
        this.users = users;
        this.worklist = worklist;
        this.warnings = warnings;
        this.batches = batches;
        this.currentUser = currentUser;
        this.regions = regions;
        this.figures = figures;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUser.require();
        model.addAttribute("regionPath", regions.path(user.regionCode()).stream().map(Region::name)
                .collect(Collectors.joining(" / ")));
        // the three privileged administrators read no households: their home page is their work only
        if (user.can(org.bulwark.identity.Role.Permission.READ_HOUSEHOLDS)) {
            RegistryFigures.Counts counts = figures.counts();
            model.addAttribute("counts", counts.householdsByCategory());
            model.addAttribute("persons", counts.persons());
        }
        model.addAttribute("work", work(user));
        return "index";
    }

    /**
     * The role's worklist: its casework, the warnings it verifies, the department batches it sent that rejected
     * rows; then the pages its role looks after. Overdue first.
     */
    private java.util.List<org.bulwark.casework.WorkItem> work(org.bulwark.identity.BulwarkUser user) {
        java.util.List<org.bulwark.casework.WorkItem> items = new java.util.ArrayList<>(worklist.items());
        if (user.can(org.bulwark.identity.Role.Permission.VERIFY_WARNINGS)) {
            java.util.Map<String, Long> counts = warnings.counts();
            items.add(new org.bulwark.casework.WorkItem("work.warnings", null, counts.get("open"),
                    counts.get("overdue"), counts.get("overdue") > 0 ? "/warnings?overdue=true" : "/warnings"));
        }
        if (user.can(org.bulwark.identity.Role.Permission.IMPORT_DEPARTMENT_DATA)) {
            long withRejects = batches.recent(50).stream().filter(b -> b.rowsRejected() > 0).count();
            items.add(new org.bulwark.casework.WorkItem("work.batches", null, withRejects, 0, "/exchange"));
        }
        org.bulwark.identity.UserCounts accounts = null;
        if (user.can(org.bulwark.identity.Role.Permission.MANAGE_ACCOUNTS)
                || user.can(org.bulwark.identity.Role.Permission.MANAGE_ROLES)) {
            // a locked account is someone who cannot work until the lockout ends or an administrator lifts it
            accounts = users.counts();
            items.add(new org.bulwark.casework.WorkItem("work.lockedUsers", null, accounts.locked(), 0,
                    "/users?state=LOCKED"));
        }
        items.sort((a, b) -> Long.compare(b.overdue(), a.overdue()));
        if (user.can(org.bulwark.identity.Role.Permission.RUN_SCREENING)) {
            items.add(new org.bulwark.casework.WorkItem("work.rules", null, -1, 0, "/rules"));
        }
        if (accounts != null) {
            items.add(new org.bulwark.casework.WorkItem("work.users", null, accounts.disabled(), 0, "/users"));
        }
        if (user.can(org.bulwark.identity.Role.Permission.RUN_SCREENING)) {
            items.add(new org.bulwark.casework.WorkItem("work.screening", null, -1, 0, "/screening"));
            items.add(new org.bulwark.casework.WorkItem("work.shadow", null, -1, 0, "/screening#shadow"));
        }
        if (user.can(org.bulwark.identity.Role.Permission.READ_AUDIT)) {
            items.add(new org.bulwark.casework.WorkItem("work.audit", null, -1, 0, "/audit"));
        }
        if (user.can(org.bulwark.identity.Role.Permission.READ_HOUSEHOLDS)) {
            items.add(new org.bulwark.casework.WorkItem("work.dashboard", null, -1, 0, "/dashboard"));
        }
        return items;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) Integer throttled, Model model) {
        // the seconds to wait after too many refused sign-ins from this address (a number, never the query's text)
        if (throttled != null && throttled > 0) {
            model.addAttribute("throttledSeconds", throttled);
        }
        return "login";
    }

    @GetMapping("/regions")
    String regions(@RequestParam(required = false) String code, Model model) {
        if (code == null || code.isBlank()) {
            model.addAttribute("path", java.util.List.of());
            model.addAttribute("current", null);
            model.addAttribute("children", regions.provinces());
        } else {
            Region current = regions.find(code).orElseThrow(() -> new org.bulwark.platform.NotFoundException("region", code));
            model.addAttribute("path", regions.path(code));
            model.addAttribute("current", current);
            model.addAttribute("children", regions.children(code));
        }
        return "regions";
    }
}
