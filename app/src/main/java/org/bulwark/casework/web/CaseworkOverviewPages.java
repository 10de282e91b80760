package org.bulwark.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bulwark.casework.CaseStatistics;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.QuarterlyFigures;
import org.bulwark.casework.Visits;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
    private final MessageSource messages;
    private final QuarterlyFigures quarterly;
    private final QuarterlyDownload quarterlyDownload;

    CaseworkOverviewPages(
            CaseworkStatistics statistics,
            Visits visits,
            Helpers helpers,
            Regions regions,
            CurrentUser currentUser,
            MessageSource messages,
            QuarterlyFigures quarterly,
            QuarterlyDownload quarterlyDownload) {
        this.quarterly = quarterly;
        this.quarterlyDownload = quarterlyDownload;
        this.messages = messages;
        this.statistics = statistics;
        this.visits = visits;
        this.helpers = helpers;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/casework/statistics")
    String statistics(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        var figures = statistics.of(region, from, to);
        model.addAttribute("s", figures);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("regionPath", regions.path(figures.total().regionCode()));
        model.addAttribute("scopePrefixLength", currentUser.scope().prefix().length());
        // county and township users bring in their roster from here
        model.addAttribute(
                "canImportRoster",
                currentUser
                        .find()
                        .map(u -> u.can(Role.Permission.ASSIGN_HELPERS))
                        .orElse(false));
        model.addAttribute(
                "quarterly", QuarterlyFigures.reportable(figures.total().regionCode()));
        model.addAttribute("quarters", quarterly.recentQuarters());
        return "cases/statistics";
    }

    /** The quarterly figures a county reports upward, as an Excel workbook (an audited export). */
    @GetMapping("/casework/statistics/quarterly/export")
    ResponseEntity<byte[]> quarterlyExport(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String quarter,
            Locale locale) {
        return quarterlyDownload.workbook(region, quarter, locale);
    }

    /** The figures of the page as an Excel workbook, named after the region and the period. */
    @GetMapping("/casework/statistics/export")
    void export(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        CaseStatistics figures = statistics.of(region, from, to);
        String name = messages.getMessage("stats.title", null, locale) + "-"
                + figures.total().regionName() + "-" + figures.from() + "至" + figures.to() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"casework-statistics.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        new CaseStatisticsWorkbook(messages, locale).write(figures, response.getOutputStream());
    }

    @GetMapping("/visits")
    String visits(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
        model.addAttribute("due", visits.due(overdue, 500));
        model.addAttribute("overdue", overdue);
        boolean township = currentUser.require().can(Role.Permission.ASSIGN_HELPERS);
        model.addAttribute("caseloads", township ? helpers.caseloads() : List.of());
        return "cases/visits";
    }
}
