package org.bulwark.industry.web;

import java.time.Clock;
import java.time.LocalDate;
import org.bulwark.industry.LinksAtRisk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The households of the user's region whose project failed or paid them nothing in the year. */
@Controller
class AtRiskPage {

    private final LinksAtRisk atRisk;
    private final Clock clock;

    AtRiskPage(LinksAtRisk atRisk, Clock clock) {
        this.atRisk = atRisk;
        this.clock = clock;
    }

    @GetMapping("/industry/at-risk")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("links", atRisk.of(y));
        return "industry/at-risk";
    }
}
