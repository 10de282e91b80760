package org.bulwark.casework.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.casework.Cases;
import org.bulwark.casework.Declaration;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.Declarations;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.PersonalDataMask;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdSummary;
import org.bulwark.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for declarations: the list, recording one from a window or the hotline, accepting or declining it. */
@Controller
class DeclarationPages {

    private final Declarations declarations;
    private final Registry registry;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final PersonalDataMask mask;
    private final MessageSource messages;
    private final Cases cases;

    DeclarationPages(
            Cases cases,
            Declarations declarations,
            Registry registry,
            Regions regions,
            CurrentUser currentUser,
            PersonalDataMask mask,
            MessageSource messages) {
        this.cases = cases;
        this.declarations = declarations;
        this.registry = registry;
        this.regions = regions;
        this.currentUser = currentUser;
        this.mask = mask;
        this.messages = messages;
    }

    @GetMapping("/declarations")
    String list(@RequestParam(required = false) String status, Model model) {
        BulwarkUser user = currentUser.require();
        String shown = status == null ? "RECEIVED" : status;
        List<Declaration> found = declarations.list(shown, 300);
        model.addAttribute("declarations", found);
        Map<Long, List<HouseholdSummary>> matches =
                user.can(Role.Permission.HANDLE_CASES) ? new DeclarationMatches(registry).of(found) : Map.of();
        model.addAttribute("matches", matches);
        // a household whose case is under way is offered 并入在办案件 instead of a second case (issue 14, item 13)
        model.addAttribute(
                "openCases",
                cases.openCasesOf(matches.values().stream()
                        .flatMap(List::stream)
                        .map(HouseholdSummary::id)
                        .distinct()
                        .toList()));
        model.addAttribute("status", shown);
        model.addAttribute(
                "maskedPhones", found.stream().collect(Collectors.toMap(Declaration::id, d -> mask.phone(d.phone()))));
        model.addAttribute("canHandle", user.can(Role.Permission.HANDLE_CASES));
        model.addAttribute("risks", RiskType.values());
        model.addAttribute("villages", regions.villagesUnder(user.scope().prefix(), 500));
        model.addAttribute("ownVillage", user.regionCode().endsWith("000") ? null : user.regionCode());
        return "declarations/list";
    }

    @PostMapping("/declarations")
    String record(
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String declarantName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) Set<RiskType> risks,
            @RequestParam(required = false) String description,
            RedirectAttributes redirect,
            Locale locale) {
        DeclarationInput input = new DeclarationInput(
                declarantName,
                phone,
                idNumber,
                villageCode,
                risks == null || risks.isEmpty() ? Set.of() : EnumSet.copyOf(risks),
                description);
        List<String> errors = PageErrors.attempt(() -> declarations.record(input, channel), messages, locale);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("draft", input);
            redirect.addFlashAttribute("draftChannel", channel);
        }
        return back(errors, redirect, locale);
    }

    @PostMapping("/declarations/{id}/accept")
    String accept(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String householdNumber,
            RedirectAttributes redirect,
            Locale locale) {
        Long[] caseId = new Long[1];
        List<String> errors = PageErrors.attempt(
                () -> {
                    long household = householdFor(id, householdNumber == null ? "" : householdNumber.strip(), locale);
                    caseId[0] = declarations.accept(id, version, household).id();
                },
                messages,
                locale);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/cases/" + caseId[0];
        }
        return back(errors, redirect, locale);
    }

    /** Attaches a declaration to the case under way for the household chosen or typed, and opens that case. */
    @PostMapping("/declarations/{id}/attach")
    String attach(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String householdNumber,
            RedirectAttributes redirect,
            Locale locale) {
        Long[] caseId = new Long[1];
        List<String> errors = PageErrors.attempt(
                () -> {
                    long household = householdFor(id, householdNumber == null ? "" : householdNumber.strip(), locale);
                    caseId[0] = declarations.attach(id, version, household).caseId();
                },
                messages,
                locale);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/cases/" + caseId[0] + "#attached-declarations";
        }
        return back(errors, redirect, locale);
    }

    /** The household typed by its number, or by a name or identity number that finds exactly one in the village. */
    private long householdFor(long declarationId, String typed, Locale locale) {
        if (typed.matches("[0-9]{16}")) {
            try {
                return registry.fileByNumber(typed).household().id();
            } catch (NotFoundException e) {
                throw InvalidInputException.of(
                        "household", "not_found", messages.getMessage("declarations.householdNotFound", null, locale));
            }
        }
        List<HouseholdSummary> found = typed.isEmpty()
                ? List.of()
                : new DeclarationMatches(registry).typed(declarations.get(declarationId), typed);
        if (found.size() != 1) {
            throw InvalidInputException.of(
                    "household",
                    found.isEmpty() ? "not_found" : "ambiguous",
                    messages.getMessage(
                            found.isEmpty() ? "declarations.householdNotFound" : "declarations.householdAmbiguous",
                            new Object[] {found.size()},
                            locale));
        }
        return found.get(0).id();
    }

    @PostMapping("/declarations/{id}/decline")
    String decline(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return back(
                PageErrors.attempt(() -> declarations.decline(id, version, reason), messages, locale),
                redirect,
                locale);
    }

    private String back(List<String> errors, RedirectAttributes redirect, Locale locale) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } else {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/declarations";
    }
}
