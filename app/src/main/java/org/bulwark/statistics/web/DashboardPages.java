package org.bulwark.statistics.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.statistics.Dashboard;
import org.bulwark.statistics.DashboardView;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.HouseholdsBehind;
import org.bulwark.statistics.Measure;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard pages: a region's figures with charts and drill-down, the households behind any figure, and
 * every table as an Excel download.
 */
@Controller
class DashboardPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Dashboard dashboard;
    private final HouseholdsBehind householdsBehind;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    DashboardPages(
            Dashboard dashboard,
            HouseholdsBehind householdsBehind,
            MessageSource messages,
            ObjectMapper json,
            Clock clock) {
        this.clock = clock;
        this.dashboard = dashboard;
        this.householdsBehind = householdsBehind;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        show(dashboard.view(region, year, locale), model, locale, request.getContextPath());
        return "dashboard/page";
    }

    /**
     * The same figures for the large screen of a meeting room: the headline figures and every chart by region, dark,
     * without tables or menus, reloading itself every five minutes.
     */
    @GetMapping("/dashboard/cockpit")
    String cockpit(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        show(dashboard.view(region, year, locale), model, locale, request.getContextPath());
        model.addAttribute("shownAt", LocalDateTime.now(clock).withSecond(0).withNano(0));
        return "dashboard/cockpit";
    }

    private void show(DashboardView view, Model model, Locale locale, String contextPath) {
        Map<String, ShownTable> tables = new LinkedHashMap<>();
        for (DashboardView.Section section : view.sections()) {
            for (FigureTable table : section.tables()) {
                Map<String, Object> spec = ChartSpec.of(
                        table,
                        view.year(),
                        messages,
                        locale,
                        (row, measure) -> chartLink(contextPath, table, row, measure, view.year()));
                // a chart with nothing to draw (a village has no regions below; every figure hidden) is left out
                String chart = ChartSpec.hasData(spec) ? json.writeValueAsString(spec) : null;
                String title = messages.getMessage(
                        !table.byRegion()
                                ? table.titleKey()
                                : table.rows().isEmpty() ? "dashboard.thisRegion" : "dashboard.byRegion",
                        null,
                        locale);
                tables.put(table.id(), ShownTable.of(table, title, view.year(), chart, contextPath, messages, locale));
            }
        }
        String mark = messages.getMessage("dashboard.suppressed", null, locale);
        model.addAttribute("view", view);
        model.addAttribute("tables", tables);
        model.addAttribute(
                "headlines",
                view.headlines().stream()
                        .map(c -> Map.entry(
                                messages.getMessage(
                                        c.measure().labelKey(), new Object[] {view.year(), view.year() - 1}, locale),
                                ShownTable.cell(c, view.region().code(), null, view.year(), mark, contextPath)))
                        .toList());
    }

    @GetMapping("/dashboard/export")
    void export(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer year,
            @RequestParam String table,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        DashboardView view = dashboard.view(region, year, locale);
        FigureTable found = view.table(table);
        if (found == null) {
            throw InvalidInputException.of("table", "unknown_table", "no table called '" + table + "'");
        }
        String title = messages.getMessage(found.titleKey(), new Object[] {view.year(), view.year() - 1}, locale);
        attachment(response, view.region().name() + "-" + title + ".xlsx");
        new TableWorkbook(messages, locale)
                .writeTable(found, view.region().name(), view.year(), response.getOutputStream());
    }

    @GetMapping("/dashboard/households")
    String households(
            @RequestParam String measure,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", householdsBehind.page(measure, region, key, year, page, 50));
        return "dashboard/households";
    }

    @GetMapping("/dashboard/households/export")
    void exportHouseholds(
            @RequestParam String measure,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) Integer year,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        List<HouseholdsBehind.Listed> rows = new ArrayList<>();
        HouseholdsBehind.Selection selection = householdsBehind.export(measure, region, key, year, rows::add);
        String heading =
                messages.getMessage(selection.labelKey(), new Object[] {selection.year(), selection.year() - 1}, locale)
                        + " · " + selection.regionName()
                        + (selection.keyLabel() == null
                                ? ""
                                : " · "
                                        + (selection.keyLabel().messageKey()
                                                ? messages.getMessage(
                                                        selection.keyLabel().text(), null, locale)
                                                : selection.keyLabel().text()));
        attachment(response, heading + ".xlsx");
        new TableWorkbook(messages, locale).writeHouseholds(heading, rows, response.getOutputStream());
    }

    /** A bar of a region leads one level down; a bar of a breakdown key leads to its households. */
    private static String chartLink(
            String contextPath, FigureTable table, FigureTable.Row row, Measure measure, int year) {
        if (table.byRegion()) {
            return row.regionCode() == null
                    ? null
                    : UriComponentsBuilder.fromPath(contextPath + "/dashboard")
                            .queryParam("region", row.regionCode())
                            .queryParam("year", year)
                            .build()
                            .encode()
                            .toUriString();
        }
        if (!measure.linked() || row.linkRegion() == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath(contextPath + "/dashboard/households")
                .queryParam("measure", measure.id())
                .queryParam("region", row.linkRegion())
                .queryParam("key", row.key())
                .queryParam("year", year)
                .build()
                .encode()
                .toUriString();
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName.replaceAll("[\\\\/:*?\"<>|]", "_"), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
    }
}
