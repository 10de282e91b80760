package org.bulwark.village.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.village.Indicator;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.InvalidParameterException;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.read.ImportTemplate;
import org.bulwark.region.Regions;
import org.bulwark.village.VillageConditionImport;
import org.bulwark.village.VillageConditions;
import org.bulwark.village.VillageShortfalls;
import org.bulwark.village.VillageYear;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of village conditions: a region's overview with the villages short of each, a village's year, the form. */
@Controller
class VillageConditionPages {

    /** The villages the form's picker offers: more than a county has, fewer than a prefecture. */
    static final int MAX_PICKED = 1_000;

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A village the picker offers. */
    record Option(String code, String name) {}

    /** Form fields are named {@code v_<indicator code>}, apart from the page's other parameters. */
    static final String FIELD = "v_";

    private final VillageConditions conditions;
    private final VillageShortfalls shortfalls;
    private final VillageConditionImport imports;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    VillageConditionPages(
            VillageConditions conditions,
            VillageShortfalls shortfalls,
            VillageConditionImport imports,
            Regions regions,
            MessageSource messages,
            Clock clock) {
        this.conditions = conditions;
        this.shortfalls = shortfalls;
        this.imports = imports;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/villages/conditions")
    String overview(
            @RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        RegionCode code = region == null || region.isBlank()
                ? null
                : RegionCode.tryParse(region).orElse(null);
        List<Integer> years = shortfalls.years();
        // last year is the year reported; this year's values come in one village at a time
        int shown = year != null ? year : years.isEmpty() || years.contains(lastYear()) ? lastYear() : years.get(0);
        VillageShortfalls.Overview overview = shortfalls.of(code, shown);
        model.addAttribute("overview", overview);
        model.addAttribute("years", years.contains(shown) ? years : append(years, shown));
        model.addAttribute("regionPath", regions.path(overview.region().code()));
        // villages by the name people say (保家村, not 保家村村民委员会); other regions by their own
        model.addAttribute(
                "children",
                regions.children(overview.region().code()).stream()
                        .map(r -> new Option(r.regionCode().prefix(), Regions.shortVillageName(r.name())))
                        .toList());
        model.addAttribute("canWrite", conditions.canWrite());
        model.addAttribute(
                "villages",
                regions.villagesUnder(overview.region().regionCode().prefix(), MAX_PICKED).stream()
                        .map(v -> new Option(v.code(), regions.placeOf(v.code())))
                        .toList());
        model.addAttribute("formYear", lastYear());
        return "village/overview";
    }

    @GetMapping("/villages/{code}/conditions")
    String village(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = conditions.years(code);
        int shown = year != null ? year : years.isEmpty() ? lastYear() : years.get(0);
        model.addAttribute("village", conditions.of(code, shown));
        model.addAttribute("years", years);
        model.addAttribute("indicators", conditions.catalogue().indicators());
        model.addAttribute("canWrite", conditions.canWrite());
        model.addAttribute("place", regions.placeOf(code));
        return "village/village";
    }

    /** The overview's picker: opens the form of the village and year chosen. */
    @GetMapping("/villages/conditions/edit")
    String pick(@RequestParam String village, @RequestParam(required = false) Integer year) {
        RegionCode code = RegionCode.tryParseFull(village)
                .orElseThrow(() -> new InvalidParameterException("village", "not_village_code", "not a village code"));
        return "redirect:/villages/" + code.value() + "/conditions/edit" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/villages/{code}/conditions/edit")
    String form(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : lastYear();
        VillageYear start = conditions.startingPoint(code, shown);
        Map<String, String> typed = new LinkedHashMap<>();
        start.values().forEach((k, v) -> typed.put(k, VillageConditionViews.typed(conditions.catalogue(), k, v)));
        return form(
                model, code, shown, typed, Map.of(), start.recorded() && start.year() != shown ? start.year() : null);
    }

    @PostMapping("/villages/{code}/conditions")
    String save(
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(FIELD)) {
                typed.put(k.substring(FIELD.length()), v);
            }
        });
        try {
            conditions.record(code, year, typed);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new HashMap<>();
            e.problems().forEach(p -> errors.put(p.field(), "village.problem." + p.code()));
            return form(model, code, year, typed, errors, null);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        return "redirect:/villages/" + code + "/conditions?year=" + year;
    }

    @GetMapping("/villages/conditions/template.xlsx")
    ResponseEntity<byte[]> template() throws IOException {
        var out = new ByteArrayOutputStream();
        ImportTemplate.write(conditions.catalogue().template(), "村级基础设施和公共服务导入说明", out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, chineseAttachment("村级基础设施和公共服务导入模板.xlsx"))
                .contentType(XLSX)
                .body(out.toByteArray());
    }

    /** The overview's lists as a workbook. */
    @GetMapping("/villages/conditions/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String region, @RequestParam int year, Locale locale)
            throws IOException {
        RegionCode code = region == null || region.isBlank()
                ? null
                : RegionCode.tryParse(region).orElse(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShortfallWorkbook.write(shortfalls.of(code, year), messages, locale, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, chineseAttachment("村级基础设施缺项村-" + year + "年.xlsx"))
                .contentType(XLSX)
                .body(out.toByteArray());
    }

    /** A file handed back is named in Chinese, as the people who keep it name it. */
    private static String chineseAttachment(String name) {
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    @PostMapping("/villages/conditions/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect, Locale locale)
            throws IOException {
        Path temp = Files.createTempFile("bulwark-village-", ".upload");
        try (var in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            VillageConditionImport.Outcome outcome = imports.run(temp, file.getOriginalFilename());
            if (outcome.accepted()) {
                redirect.addFlashAttribute(
                        "flash", messages.getMessage("village.import.stored", new Object[] {outcome.stored()}, locale));
                return "redirect:/villages/conditions";
            }
            model.addAttribute("refusals", outcome.refusals());
        } catch (FileRejectedException e) {
            model.addAttribute("refusals", List.of(e.getMessage()));
        } finally {
            Files.deleteIfExists(temp);
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return overview(null, null, model);
    }

    private String form(
            Model model, String code, int year, Map<String, String> typed, Map<String, String> errors, Integer from) {
        List<Indicator> indicators = conditions.catalogue().indicators();
        model.addAttribute("code", code);
        model.addAttribute("place", regions.placeOf(code));
        model.addAttribute("year", year);
        model.addAttribute("indicators", indicators);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("prefilledFrom", from);
        return "village/form";
    }

    private int lastYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    private static List<Integer> append(List<Integer> years, int year) {
        List<Integer> all = new ArrayList<>(years);
        all.add(year);
        all.sort(Comparator.reverseOrder());
        return all;
    }
}
