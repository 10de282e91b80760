package org.bulwark.employment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.bulwark.core.contact.PhoneNumber;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.text.TextRules;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;

/**
 * Checks employers and postings, naming each wrong field: the region must exist and lie in the user's scope, names
 * follow the text rules, a credit code its check character, a posting's dates their order.
 */
final class EmploymentChecks {

    private final Regions regions;
    private final RegionScope scope;

    EmploymentChecks(Regions regions, RegionScope scope) {
        this.regions = regions;
        this.scope = scope;
    }

    CheckedEmployer employer(EmployerInput in, Predicate<String> creditCodeTaken) {
        List<FieldProblem> p = new ArrayList<>();
        EmployerKind kind = Choices.one(EmployerKind.class, "kind", in.kind(), true, p);
        String name = name("name", in.name(), 200, true, p);
        String code =
                Choices.blank(in.creditCode()) ? null : in.creditCode().strip().toUpperCase(Locale.ROOT);
        if (code != null && !CreditCode.valid(code)) {
            p.add(new FieldProblem("creditCode", "credit_code", "is not a unified social credit code"));
        } else if (code != null && creditCodeTaken.test(code)) {
            p.add(new FieldProblem("creditCode", "credit_code_taken", "another employer has this code"));
        }
        String region = region("regionCode", in.regionCode(), p);
        String contact = name("contactName", in.contactName(), 100, false, p);
        String phone = phone(in.contactPhone(), p);
        throwIfAny(p);
        boolean active = in.active() == null || in.active();
        return new CheckedEmployer(kind, name, code, region, contact, phone, active, Choices.version(in.version()));
    }

    CheckedPosting posting(PostingInput in, LongPredicate employerInScope) {
        List<FieldProblem> p = new ArrayList<>();
        if (in.employerId() == null) {
            p.add(new FieldProblem("employerId", "required", "is required"));
        } else if (!employerInScope.test(in.employerId())) {
            p.add(new FieldProblem("employerId", "employer_unknown", "no such employer"));
        }
        String title = name("title", in.title(), 200, true, p);
        String region = region("regionCode", in.regionCode(), p);
        WorkKind kind = Choices.one(WorkKind.class, "workKind", in.workKind(), true, p);
        List<Skill> skills = Choices.many(Skill.class, "skills", in.skills(), p);
        Choices.wage("monthlyWage", in.monthlyWage(), true, p);
        if (in.hoursPerWeek() != null && (in.hoursPerWeek() < 1 || in.hoursPerWeek() > 84)) {
            p.add(new FieldProblem("hoursPerWeek", "hours_range", "must be between 1 and 84"));
        }
        Posting.State state = state(in.state(), p);
        // a posting its last hire closed keeps 0 openings (V78), and may still be corrected
        int fewest = state == Posting.State.CLOSED ? 0 : 1;
        if (in.openings() == null || in.openings() < fewest || in.openings() > 100_000) {
            p.add(new FieldProblem(
                    "openings",
                    in.openings() == null ? "required" : "openings_range",
                    "must be a whole number from " + fewest + " to 100000"));
        }
        if (in.openFrom() == null) {
            p.add(new FieldProblem("openFrom", "required", "is required"));
        } else if (in.openTo() != null && in.openTo().isBefore(in.openFrom())) {
            p.add(new FieldProblem("openTo", "before_start", "is before the opening date"));
        }
        throwIfAny(p);
        return new CheckedPosting(
                in.employerId(),
                title,
                region,
                kind,
                skills,
                in.monthlyWage(),
                in.hoursPerWeek(),
                in.openings(),
                in.openFrom(),
                in.openTo(),
                state,
                Choices.version(in.version()));
    }

    private String region(String field, String text, List<FieldProblem> p) {
        if (Choices.blank(text)) {
            p.add(new FieldProblem(field, "required", "is required"));
            return null;
        }
        Optional<RegionCode> code = RegionCode.tryParse(text.strip());
        if (code.isEmpty()
                || !scope.covers(code.get())
                || regions.find(code.get()).isEmpty()) {
            // a region outside the scope is as unknown as one that does not exist
            p.add(new FieldProblem(field, "region", "is not a region of your area"));
            return null;
        }
        return code.get().value();
    }

    private static String name(String field, String text, int max, boolean required, List<FieldProblem> p) {
        String value = Choices.text(field, text, max, required, p);
        Optional<TextRules.Violation> bad = TextRules.name(value);
        bad.ifPresent(v -> p.add(new FieldProblem(field, v.code(), v.message())));
        return value;
    }

    private static String phone(String text, List<FieldProblem> p) {
        if (Choices.blank(text)) {
            return null;
        }
        Optional<PhoneNumber> phone = PhoneNumber.parse(text);
        if (phone.isEmpty()) {
            p.add(new FieldProblem("contactPhone", "phone", PhoneNumber.RULE));
            return null;
        }
        return phone.get().value();
    }

    private static Posting.State state(String text, List<FieldProblem> p) {
        if (Choices.blank(text)) {
            return Posting.State.OPEN;
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("OPEN") || t.equals("招聘中")) {
            return Posting.State.OPEN;
        }
        if (t.equalsIgnoreCase("CLOSED") || t.equals("已结束")) {
            return Posting.State.CLOSED;
        }
        p.add(new FieldProblem("state", "choice", "must be OPEN or CLOSED"));
        return null;
    }

    private static void throwIfAny(List<FieldProblem> p) {
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
    }
}
