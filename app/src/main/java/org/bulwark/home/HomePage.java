package org.bulwark.home;

import java.util.List;
import java.util.stream.Collectors;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.NotFoundException;
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
    private final Worklist worklist;

    HomePage(CurrentUser currentUser, Regions regions, RegistryFigures figures, Worklist worklist) {
        this.currentUser = currentUser;
        this.regions = regions;
        this.figures = figures;
        this.worklist = worklist;
    }

    @GetMapping("/")
    String home(Model model) {
        var user = currentUser.require();
        model.addAttribute(
                "regionPath",
                regions.path(user.regionCode()).stream().map(Region::name).collect(Collectors.joining(" / ")));
        // the three privileged administrators read no households: their home page is their work only
        if (user.can(Role.Permission.READ_HOUSEHOLDS)) {
            RegistryFigures.Counts counts = figures.counts();
            model.addAttribute("counts", counts.householdsByCategory());
            model.addAttribute("persons", counts.persons());
        }
        model.addAttribute("work", worklist.items());
        return "index";
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
            model.addAttribute("path", List.of());
            model.addAttribute("current", null);
            model.addAttribute("children", regions.provinces());
        } else {
            RegionCode asked = RegionCode.tryParseFull(code).orElse(null);
            Region current = asked == null ? null : regions.find(asked).orElse(null);
            if (current == null) {
                throw new NotFoundException("region", code);
            }
            model.addAttribute("path", regions.path(asked));
            model.addAttribute("current", current);
            model.addAttribute("children", regions.children(asked));
        }
        return "regions";
    }
}
