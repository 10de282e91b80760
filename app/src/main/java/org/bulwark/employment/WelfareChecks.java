package org.bulwark.employment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.text.TextRules;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;

/**
 * Checks a public-welfare post, naming each wrong field in the reader's language: a village of the user's region,
 * a title, a duty and funding from the lists, an allowance and a number of places in range (never fewer places than
 * are held), a term whose end is not before its start. Nothing is saved from a refused post.
 */
final class WelfareChecks {

    static final BigDecimal LARGEST_ALLOWANCE = new BigDecimal("100000");

    private final Regions regions;
    private final RegionScope scope;
    private final WelfareWords words;

    WelfareChecks(Regions regions, RegionScope scope, WelfareWords words) {
        this.regions = regions;
        this.scope = scope;
        this.words = words;
    }

    CheckedWelfarePost post(WelfarePostInput in, int held) {
        List<FieldProblem> p = new ArrayList<>();
        String village = village(in.villageCode(), p);
        String title = Choices.text("title", in.title(), 200, true, p);
        Optional<TextRules.Violation> bad = TextRules.name(title);
        bad.ifPresent(v -> p.add(new FieldProblem("title", v.code(), v.message())));
        WelfareDuty duty = Choices.one(WelfareDuty.class, "duty", in.duty(), true, p);
        WelfareFunding funding = Choices.one(WelfareFunding.class, "funding", in.funding(), true, p);
        BigDecimal allowance = in.monthlyAllowance();
        if (allowance == null) {
            p.add(new FieldProblem("monthlyAllowance", "required", "is required"));
        } else if (allowance.signum() < 0 || allowance.compareTo(LARGEST_ALLOWANCE) > 0) {
            p.add(new FieldProblem("monthlyAllowance", "allowance_range", "must be between 0 and 100000"));
        }
        if (in.places() == null) {
            p.add(new FieldProblem("places", "required", "is required"));
        } else if (in.places() < 1 || in.places() > 1000) {
            p.add(new FieldProblem("places", "places_range", "must be a whole number from 1 to 1000"));
        } else if (in.places() < held) {
            p.add(new FieldProblem("places", "places_below_held", "is fewer than the places held"));
        }
        if (in.termStart() == null) {
            p.add(new FieldProblem("termStart", "required", "is required"));
        }
        if (in.termEnd() == null) {
            p.add(new FieldProblem("termEnd", "required", "is required"));
        } else if (in.termStart() != null && in.termEnd().isBefore(in.termStart())) {
            p.add(new FieldProblem("termEnd", "before_start", "is before the start"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p.stream()
                    .map(f -> new FieldProblem(f.field(), f.code(), words.problem(f.code(), f.message())))
                    .toList());
        }
        return new CheckedWelfarePost(
                village,
                title,
                duty,
                allowance,
                in.places(),
                in.termStart(),
                in.termEnd(),
                funding,
                Choices.version(in.version()));
    }

    // a post belongs to one village of the user's region; a village outside it is as unknown as none
    private String village(String text, List<FieldProblem> p) {
        if (Choices.blank(text)) {
            p.add(new FieldProblem("villageCode", "required", "is required"));
            return null;
        }
        Optional<RegionCode> code = RegionCode.tryParse(text.strip());
        if (code.isEmpty()
                || !code.get().isVillage()
                || !scope.covers(code.get())
                || regions.find(code.get()).isEmpty()) {
            p.add(new FieldProblem("villageCode", "village", "is not a village of your area"));
            return null;
        }
        return code.get().value();
    }
}
