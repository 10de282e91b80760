package org.bulwark.casework.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bulwark.casework.CaseAttachments;
import org.bulwark.casework.CaseWarnings;
import org.bulwark.casework.Cases;
import org.bulwark.casework.CaseworkProcedure;
import org.bulwark.casework.DataComparison;
import org.bulwark.casework.DataComparisons;
import org.bulwark.casework.Declarations;
import org.bulwark.casework.MonitoringPeriods;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.VerificationInput;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.bulwark.registry.Registry;
import org.springframework.context.MessageSource;
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

/** The case list and the case page, where each step is decided by the role the province gives it. */
@Controller
class CasePages {

    private final Cases cases;
    private final MonitoringPeriods periods;
    private final Registry registry;
    private final Regions regions;
    private final CaseworkProcedure procedures;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final CaseAttachments attachments;
    private final Declarations declarations;
    private final Clock clock;
    private final CaseWarnings caseWarnings;
    private final DataComparisons dataComparisons;

    CasePages(
            Declarations declarations,
            Clock clock,
            Cases cases,
            MonitoringPeriods periods,
            Registry registry,
            Regions regions,
            CaseworkProcedure procedures,
            CurrentUser currentUser,
            MessageSource messages,
            CaseAttachments attachments,
            CaseWarnings caseWarnings,
            DataComparisons dataComparisons) {
        this.dataComparisons = dataComparisons;
        this.caseWarnings = caseWarnings;
        this.attachments = attachments;
        this.declarations = declarations;
        this.clock = clock;
        this.cases = cases;
        this.periods = periods;
        this.registry = registry;
        this.regions = regions;
        this.procedures = procedures;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseKind kind,
            @RequestParam(required = false) Step step,
            @RequestParam(defaultValue = "false") boolean overdue,
            Model model) {
        CaseStatus shown = status == null ? CaseStatus.OPEN : status;
        List<SupportCase> found = cases.list(region, shown, kind, step, overdue, 300);
        model.addAttribute("region", region);
        model.addAttribute("regionName", region == null ? null : regions.nameOf(region));
        // overdue first, then the oldest discovery
        found = found.stream()
                .sorted(Comparator.comparing((SupportCase c) -> !c.overdue()).thenComparing(SupportCase::discoveredOn))
                .toList();
        model.addAttribute("cases", found);
        model.addAttribute("status", shown);
        model.addAttribute("kind", kind);
        model.addAttribute("step", step);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("steps", Step.values());
        return "cases/list";
    }

    /** The full phone number the resident left, in place of the masked one (audited). */
    @PostMapping("/cases/{id}/declaration/phone")
    String declarationPhone(@PathVariable long id, Model model) {
        SupportCase c = cases.get(id);
        if (c.channel() != Channel.SELF_DECLARATION || c.sourceId() == null) {
            throw new NotFoundException("declaration", id);
        }
        model.addAttribute("value", declarations.revealPhone(c.sourceId()));
        return "persons/reveal :: revealed";
    }

    /** The full phone number of a declaration attached to the case, in place of the masked one (audited). */
    @PostMapping("/cases/{id}/declarations/{declaration}/phone")
    String attachedDeclarationPhone(@PathVariable long id, @PathVariable long declaration, Model model) {
        cases.get(id);
        if (declarations.attachedTo(id).stream().noneMatch(d -> d.id() == declaration)) {
            throw new NotFoundException("declaration", declaration);
        }
        model.addAttribute("value", declarations.revealPhone(declaration));
        return "persons/reveal :: revealed";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        SupportCase c = cases.get(id);
        BulwarkUser user = currentUser.require();
        model.addAttribute("c", c);
        model.addAttribute("file", registry.file(c.householdId()));
        model.addAttribute("regionPath", regions.path(c.villageCode()));
        model.addAttribute("steps", cases.steps(id));
        model.addAttribute("procedure", procedures.definition(c.villageCode()).steps(c.kind()));
        // the helper and plan of this case's monitoring period; earlier periods are listed apart (issue 14, item 11)
        MonitoringPeriods.Periods around = periods.around(c);
        model.addAttribute("helper", around.helper());
        model.addAttribute("measures", around.measures());
        model.addAttribute("period", around.current().orElse(null));
        model.addAttribute("earlierPeriods", around.earlier());
        model.addAttribute("attachedDeclarations", declarations.attachedTo(id));
        model.addAttribute("attachments", attachments.of(id));
        model.addAttribute("caseWarnings", caseWarnings.of(c));
        model.addAttribute("mayOpenAttachments", user.can(Role.Permission.READ_SENSITIVE_DATA));
        model.addAttribute(
                "declaration",
                c.channel() == Channel.SELF_DECLARATION && c.sourceId() != null
                        ? declarations.get(c.sourceId())
                        : null);
        if (c.open() && c.step() == Step.PUBLIC_NOTICE) {
            var rule = procedures.definition(c.villageCode()).rule(c.kind(), Step.PUBLIC_NOTICE);
            model.addAttribute("noticeEndsOn", rule.earliestPassOn(c.stepEnteredOn()));
            model.addAttribute(
                    "noticeRunning", rule.earliestPassOn(c.stepEnteredOn()).isAfter(LocalDate.now(clock)));
        }
        model.addAttribute("comparison", comparison(c));
        model.addAttribute("mayAttach", user.can(Role.Permission.HANDLE_CASES));
        boolean mayDecide = c.open()
                && user.can(Role.Permission.HANDLE_CASES)
                && procedures
                        .definition(c.villageCode())
                        .rule(c.kind(), c.step())
                        .decidedBy(user.role().name());
        model.addAttribute("mayDecide", mayDecide);
        model.addAttribute(
                "mayVerify", mayDecide && c.step() == Step.HOME_VERIFICATION && c.kind() == CaseKind.IDENTIFICATION);
        model.addAttribute("types", MonitoringType.values());
        model.addAttribute("risks", RiskType.values());
        return "cases/case";
    }

    /** At the county's data comparison step: the department records beside what the household declared. */
    private DataComparison comparison(SupportCase c) {
        if (!c.open() || c.step() != Step.DATA_COMPARISON) {
            return null;
        }
        Set<RiskType> declared = c.channel() == Channel.SELF_DECLARATION && c.sourceId() != null
                ? declarations.get(c.sourceId()).risks()
                : Set.of();
        return dataComparisons.of(c, declared);
    }

    @PostMapping("/cases/{id}/verification")
    String verify(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean commitmentSigned,
            @RequestParam(required = false) MonitoringType monitoringType,
            @RequestParam(required = false) Set<RiskType> risks,
            @RequestParam(required = false) BigDecimal medicalOutOfPocket,
            RedirectAttributes redirect,
            Locale locale) {
        Set<RiskType> chosen = risks == null || risks.isEmpty() ? Set.of() : EnumSet.copyOf(risks);
        List<String> errors = PageErrors.attempt(
                () -> cases.recordVerification(
                        id,
                        version,
                        new VerificationInput(commitmentSigned, monitoringType, chosen, medicalOutOfPocket)),
                messages,
                locale);
        if (!errors.isEmpty()) {
            // what was typed comes back on the form
            redirect.addFlashAttribute(
                    "draft", new VerificationInput(commitmentSigned, monitoringType, chosen, medicalOutOfPocket));
        }
        return done(id, errors, redirect, locale);
    }

    @PostMapping("/cases/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam Decision decision,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer objections,
            RedirectAttributes redirect,
            Locale locale) {
        List<String> errors =
                PageErrors.attempt(() -> cases.decide(id, version, decision, comment, objections), messages, locale);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("comment", comment);
        }
        return done(id, errors, redirect, locale);
    }

    @PostMapping("/cases/{id}/attachments")
    String attach(
            @PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        byte[] bytes = file.getBytes();
        return done(
                id,
                PageErrors.attempt(() -> attachments.add(id, file.getOriginalFilename(), bytes), messages, locale),
                redirect,
                locale);
    }

    @GetMapping("/cases/attachments/{attachment}")
    ResponseEntity<byte[]> download(@PathVariable long attachment) {
        var content = attachments.download(attachment);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline()
                                .filename(content.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(content.contentType()))
                .body(content.bytes());
    }

    /** The village's public notice, laid out for A4: no identity numbers, phones, bank accounts or health details. */
    @GetMapping("/cases/{id}/notice")
    String notice(@PathVariable long id, Model model) {
        SupportCase c = cases.get(id);
        var file = registry.file(c.householdId());
        model.addAttribute("c", c);
        model.addAttribute("headName", file.head().map(p -> p.name()).orElse(""));
        model.addAttribute("members", file.members().size());
        model.addAttribute("village", regions.nameOf(c.villageCode()));
        model.addAttribute("regionPath", regions.path(c.villageCode()));
        model.addAttribute(
                "minDays",
                procedures
                        .definition(c.villageCode())
                        .rule(c.kind(), Step.PUBLIC_NOTICE)
                        .minDays());
        return "cases/notice";
    }

    private String done(long id, List<String> errors, RedirectAttributes redirect, Locale locale) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } else {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/cases/" + id;
    }
}
