package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.screening.Parameters;
import org.bulwark.exchange.ComparedRecord;
import org.bulwark.exchange.DepartmentRecords;
import org.bulwark.exchange.HouseholdRecord;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.VariableCatalogue;
import org.bulwark.screening.VariableCatalogue.Unit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Builds the county's data comparison of a case (issue 14 item 14): the household's department records relevant to
 * each declared risk, read through the exchange's public API within the user's region (sensitive categories withheld
 * as everywhere), totals beside the declared figures, and the four upward checks as the screening rules count them —
 * with the rules' own thresholds for the province and year, so that the page and the warnings agree.
 */
@Service
public class DataComparisons {

    /**
     * A declared figure and the records' total differ enough to show when they are more than 1,000 yuan and more than
     * a fifth of the larger apart: rounding, a missing receipt or a settlement still in transit stay quiet.
     */
    static final BigDecimal MIN_DIFFERENCE = new BigDecimal("1000");

    static final BigDecimal MIN_SHARE = new BigDecimal("0.2");

    /** The department categories read for each risk (core/src/main/resources/exchange/categories.yaml). */
    static final Map<RiskType, List<String>> CATEGORIES = Map.of(
            RiskType.ILLNESS, List.of("medical_settlement", "serious_illness"),
            RiskType.DISABILITY, List.of("disability_certificate", "disability_subsidy"),
            RiskType.SCHOOLING, List.of("school_status", "student_aid"),
            RiskType.NATURAL_DISASTER, List.of("disaster_loss", "housing_safety"),
            RiskType.ACCIDENT, List.of("death_record", "temporary_assistance"),
            RiskType.INDUSTRY_FAILURE, List.of("agricultural_loss", "microcredit"),
            RiskType.UNSTABLE_EMPLOYMENT, List.of("employment_status"),
            RiskType.LACK_OF_LABOUR, List.of("death_record", "disability_certificate", "employment_status"),
            RiskType.OTHER, List.of("temporary_assistance", "housing_safety", "drinking_water"));

    /** The upward checks: the rule figure (variables.yaml) each category feeds. */
    static final Map<String, String> UPWARD = Map.of(
            "vehicle_registration", "costly_vehicles",
            "business_registration", "businesses",
            "real_estate", "commercial_housing",
            "public_payroll", "on_public_payroll");

    static final List<String> UPWARD_ORDER =
            List.of("vehicle_registration", "business_registration", "real_estate", "public_payroll");

    private static final int LIMIT = 300;

    private final DepartmentRecords records;
    private final VariableCatalogue variables;
    private final RuleBook rules;
    private final MessageSource messages;
    private final Clock clock;
    private final CurrentUser currentUser;

    DataComparisons(
            DepartmentRecords records,
            VariableCatalogue variables,
            RuleBook rules,
            MessageSource messages,
            Clock clock,
            CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.records = records;
        this.variables = variables;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    /** The comparison for a case: its risks (or, before verification, those the resident declared). */
    public DataComparison of(SupportCase c, Set<RiskType> declaredRisks) {
        Set<RiskType> risks = EnumSet.noneOf(RiskType.class);
        risks.addAll(c.risks().isEmpty() && declaredRisks != null ? declaredRisks : c.risks());
        Set<String> categories = new LinkedHashSet<>(UPWARD_ORDER);
        risks.forEach(r -> categories.addAll(CATEGORIES.get(r)));
        List<ComparedRecord> found = records.forComparison(c.householdId(), c.villageCode(), categories, LIMIT);
        Text text = new Text(messages, LocaleContextHolder.getLocale(), variables);
        LocalDate today = LocalDate.now(clock);
        List<DataComparison.RiskSection> sections = new ArrayList<>();
        for (RiskType risk : risks) {
            sections.add(section(risk, c, found, today, text));
        }
        Parameters parameters = rules.active().parameters(c.villageCode().substring(0, 2), today.getYear());
        List<DataComparison.UpwardCheck> upward = UPWARD_ORDER.stream()
                .map(category -> upward(category, found, parameters, text))
                .toList();
        return new DataComparison(sections, upward, !mayReadSensitive());
    }

    private boolean mayReadSensitive() {
        return currentUser
                .find()
                .map(u -> u.can(Role.Permission.READ_SENSITIVE_DATA))
                .orElse(true);
    }

    private DataComparison.RiskSection section(
            RiskType risk, SupportCase c, List<ComparedRecord> found, LocalDate today, Text text) {
        List<ComparedRecord> relevant = found.stream()
                .filter(r -> CATEGORIES.get(risk).contains(r.record().category()))
                .toList();
        List<DataComparison.Figure> figures = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        figures.add(new DataComparison.Figure(
                text.message("comparison.recordCount"), text.format(relevant.size(), Unit.RECORDS), false));
        if (risk == RiskType.ILLNESS && mayReadSensitive()) {
            illness(c, relevant, today.minusMonths(12), text, figures, differences);
        } else if (risk == RiskType.NATURAL_DISASTER) {
            figures.add(text.figure("disaster_loss", sum(relevant, "disaster_loss", today.minusMonths(12))));
        } else if (risk == RiskType.INDUSTRY_FAILURE) {
            figures.add(text.figure("agricultural_loss", sum(relevant, "agricultural_loss", today.minusMonths(12))));
        }
        LocalDate since = today.minusMonths(12);
        List<DataComparison.Row> rows = relevant.stream()
                .map(r -> text.row(r, false, r.record().recordDate().isBefore(since)))
                .toList();
        return new DataComparison.RiskSection(
                risk.name(), text.message("casework.risk." + risk.name()), figures, differences, rows);
    }

    /** Settlements of the last 12 months beside the out-of-pocket cost the household declared at the visit. */
    private void illness(
            SupportCase c,
            List<ComparedRecord> relevant,
            LocalDate since,
            Text text,
            List<DataComparison.Figure> figures,
            List<String> differences) {
        BigDecimal outOfPocket = sum(relevant, "medical_settlement", since);
        BigDecimal inScope = sumOf(relevant, "medical_settlement", since, "in_scope_out_of_pocket");
        figures.add(text.figure("out_of_pocket", outOfPocket));
        figures.add(text.figure("in_scope_out_of_pocket", inScope));
        long diagnoses = relevant.stream()
                .filter(r -> r.record().category().equals("serious_illness"))
                .filter(r -> !r.record().recordDate().isBefore(since))
                .count();
        figures.add(text.figure("new_diagnoses", BigDecimal.valueOf(diagnoses)));
        BigDecimal declared = c.medicalOutOfPocket();
        if (declared == null) {
            return;
        }
        figures.add(new DataComparison.Figure(
                text.message("comparison.declared", text.message("casework.field.medicalOutOfPocket")),
                text.format(declared, Unit.YUAN),
                true));
        // the declared figure is the in-scope (合规) cost; the records' total of the same kind is set beside it
        if (differs(declared, inScope)) {
            differences.add(text.message(
                    "comparison.difference.medical",
                    text.format(declared, Unit.YUAN),
                    text.format(inScope, Unit.YUAN)));
        }
    }

    /** More than {@link #MIN_DIFFERENCE} and more than {@link #MIN_SHARE} of the larger figure apart. */
    static boolean differs(BigDecimal declared, BigDecimal recorded) {
        BigDecimal gap = declared.subtract(recorded).abs();
        BigDecimal larger = declared.max(recorded);
        return gap.compareTo(MIN_DIFFERENCE) > 0 && gap.compareTo(larger.multiply(MIN_SHARE)) > 0;
    }

    private DataComparison.UpwardCheck upward(
            String category, List<ComparedRecord> found, Parameters parameters, Text text) {
        Predicate<ComparedRecord> counts = counts(category, parameters);
        List<ComparedRecord> ofCategory = found.stream()
                .filter(r -> r.record().category().equals(category))
                .toList();
        long hits = ofCategory.stream().filter(counts).count();
        String figure = UPWARD.get(category);
        Unit unit = text.unit(figure);
        Object value = unit == Unit.YES_NO ? (Object) (hits > 0) : BigDecimal.valueOf(hits);
        return new DataComparison.UpwardCheck(
                category,
                text.label(figure),
                text.format(value, unit),
                hits > 0,
                ofCategory.stream().map(r -> text.row(r, counts.test(r), false)).toList());
    }

    /** Which records an upward check counts: the screening rules' conditions (VER-01 to VER-04, rules.yaml). */
    static Predicate<ComparedRecord> counts(String category, Parameters parameters) {
        return switch (category) {
            case "vehicle_registration" ->
                r -> above(r.number("value"), parameters.value("vehicle_value"))
                        && !List.of("farm_vehicle", "work_vehicle")
                                .contains(r.raw().get("vehicle_type"));
            case "business_registration" ->
                r -> "company".equals(r.raw().get("entity_type"))
                        || ("individual_business".equals(r.raw().get("entity_type"))
                                && above(r.number("registered_capital"), parameters.value("business_capital")));
            case "real_estate" -> r -> "commercial".equals(r.raw().get("kind"));
            default -> r -> true;
        };
    }

    private static boolean above(BigDecimal value, double threshold) {
        return value != null && value.doubleValue() > threshold;
    }

    private static BigDecimal sum(List<ComparedRecord> relevant, String category, LocalDate since) {
        return relevant.stream()
                .filter(r -> r.record().category().equals(category))
                .filter(r -> !r.record().recordDate().isBefore(since))
                .map(ComparedRecord::amount)
                .filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumOf(List<ComparedRecord> relevant, String category, LocalDate since, String field) {
        return relevant.stream()
                .filter(r -> r.record().category().equals(category))
                .filter(r -> !r.record().recordDate().isBefore(since))
                .map(r -> r.number(field))
                .filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Labels, units and rows in the reader's language. */
    record Text(MessageSource messages, Locale locale, VariableCatalogue variables) {

        String message(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        String label(String variable) {
            return variables.variable(variable).map(e -> e.label(locale)).orElse(variable);
        }

        Unit unit(String variable) {
            return variables
                    .variable(variable)
                    .map(VariableCatalogue.Entry::unit)
                    .orElse(null);
        }

        DataComparison.Figure figure(String variable, BigDecimal value) {
            return new DataComparison.Figure(label(variable), format(value, unit(variable)), false);
        }

        /** A value in its unit, as warning evidence writes it: 62,000 元 · 3 条 · 是. */
        String format(Object value, Unit unit) {
            if (value instanceof Boolean b) {
                return message(b ? "evidence.yes" : "evidence.no");
            }
            BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
            String written =
                    String.format(Locale.ROOT, number.stripTrailingZeros().scale() > 0 ? "%,.2f" : "%,.0f", number);
            return unit == null ? written : written + " " + message("evidence.unit." + unit.name());
        }

        DataComparison.Row row(ComparedRecord compared, boolean hit, boolean older) {
            HouseholdRecord r = compared.record();
            return new DataComparison.Row(
                    r.period(),
                    person(r),
                    r.departmentLabel(),
                    r.categoryLabel(),
                    r.values().stream()
                            .filter(HouseholdRecord.Value::main)
                            .findFirst()
                            .or(() -> r.values().stream().findFirst())
                            .map(v -> v.label() + " " + v.text())
                            .orElse(""),
                    hit,
                    older,
                    r.batchId(),
                    r.sourceRow());
        }

        /** The masked view only: the family name (张**), or the masked identity number, or the whole household. */
        private String person(HouseholdRecord r) {
            if (r.personName() != null && !r.personName().isBlank()) {
                String name = r.personName().strip();
                return name.charAt(0) + "*".repeat(name.length() - 1);
            }
            if (r.maskedIdNumber() != null) {
                return r.maskedIdNumber();
            }
            return message(r.villageWide() ? "evidence.wholeVillage" : "evidence.wholeHousehold");
        }
    }
}
