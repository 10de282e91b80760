package org.bulwark.industry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.core.industry.CollectiveIncomeSource;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.FundingSource;
import org.bulwark.core.industry.Industry;
import org.bulwark.core.industry.IndustryWords;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.core.text.TextRules;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Regions;

/**
 * Checks projects, links and collective incomes, naming each wrong field, so that nothing partial is saved: a region
 * must exist and lie in the user's scope, a failed or closed project says since when, amounts and years lie in range.
 */
final class IndustryChecks {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    // larger than any county project's investment (a few hundred million yuan), small enough to catch a slip
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("100000000000");

    private final Regions regions;
    private final RegionScope scope;

    IndustryChecks(Regions regions, RegionScope scope) {
        this.regions = regions;
        this.scope = scope;
    }

    CheckedProject project(ProjectInput in) {
        List<FieldProblem> p = new ArrayList<>();
        EntityKind kind = choice(EntityKind.class, "kind", in.kind(), true, p);
        String name = name(in.name(), p);
        String region = region("regionCode", in.regionCode(), false, p);
        Industry industry = choice(Industry.class, "industry", in.industry(), true, p);
        FundingSource funding = choice(FundingSource.class, "fundingSource", in.fundingSource(), true, p);
        BigDecimal funds = amount("assistanceFunds", in.assistanceFunds(), false, p);
        amount("investment", in.investment(), false, p);
        amount("annualOutput", in.annualOutput(), false, p);
        ProjectState state =
                blank(in.state()) ? ProjectState.ACTIVE : choice(ProjectState.class, "state", in.state(), true, p);
        Integer stateYear = stateYear(state, in.stateYear(), p);
        throwIfAny(p);
        return new CheckedProject(
                kind,
                name,
                region,
                industry,
                funding,
                funds == null ? BigDecimal.ZERO : funds,
                in.investment(),
                in.annualOutput(),
                state,
                stateYear,
                in.version() == null ? 0 : in.version());
    }

    /** The link's kind, year and amount; the project and household are checked by the service against the scope. */
    BenefitKind link(BenefitLinkInput in, List<FieldProblem> p) {
        BenefitKind kind = choice(BenefitKind.class, "kind", in.kind(), true, p);
        year("year", in.year(), p);
        amount("amount", in.amount(), true, p);
        return kind;
    }

    CollectiveIncome collective(CollectiveIncomeInput in) {
        List<FieldProblem> p = new ArrayList<>();
        String village = region("villageCode", in.villageCode(), true, p);
        year("year", in.year(), p);
        CollectiveIncomeSource source = choice(CollectiveIncomeSource.class, "source", in.source(), true, p);
        amount("amount", in.amount(), true, p);
        throwIfAny(p);
        return new CollectiveIncome(village, in.year(), source, in.amount());
    }

    private static Integer stateYear(ProjectState state, Integer year, List<FieldProblem> p) {
        if (state == null || state == ProjectState.ACTIVE) {
            return null; // an active project has no year of failure, whatever the form still held
        }
        if (year == null) {
            p.add(new FieldProblem("stateYear", "required", "is required for a failed or closed project"));
            return null;
        }
        year("stateYear", year, p);
        return year;
    }

    private String region(String field, String text, boolean village, List<FieldProblem> p) {
        if (blank(text)) {
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
        if (village && code.get().level() != RegionLevel.VILLAGE) {
            p.add(new FieldProblem(field, "not_village", "must be a village"));
            return null;
        }
        return code.get().value();
    }

    static <E extends Enum<E>> E choice(
            Class<E> type, String field, String text, boolean required, List<FieldProblem> p) {
        if (blank(text)) {
            if (required) {
                p.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        Optional<E> value = IndustryWords.parse(type, text);
        if (value.isEmpty()) {
            p.add(new FieldProblem(field, "choice", "'" + text.strip() + "' is not one of the choices"));
        }
        return value.orElse(null);
    }

    private static String name(String text, List<FieldProblem> p) {
        if (blank(text)) {
            p.add(new FieldProblem("name", "required", "is required"));
            return null;
        }
        String value = text.strip();
        if (value.length() > 200) {
            p.add(new FieldProblem("name", "too_long", "is longer than 200 characters"));
        }
        Optional<TextRules.Violation> bad = TextRules.name(value);
        bad.ifPresent(v -> p.add(new FieldProblem("name", v.code(), v.message())));
        return value;
    }

    static BigDecimal amount(String field, BigDecimal value, boolean required, List<FieldProblem> p) {
        if (value == null) {
            if (required) {
                p.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        if (value.signum() < 0 || value.compareTo(LARGEST_AMOUNT) > 0 || value.scale() > 2) {
            p.add(new FieldProblem(field, "amount_range", "must be between 0 and 100000000000 yuan, to the fen"));
        }
        return value;
    }

    static void year(String field, Integer year, List<FieldProblem> p) {
        if (year == null) {
            p.add(new FieldProblem(field, "required", "is required"));
        } else if (year < FIRST_YEAR || year > LAST_YEAR) {
            p.add(new FieldProblem(field, "year_range", "must be between 2000 and 2100"));
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static void throwIfAny(List<FieldProblem> p) {
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
    }
}
