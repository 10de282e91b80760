package org.bulwark.screening;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bulwark.core.screening.ConditionExplainer;
import org.bulwark.core.screening.ConditionExplainer.Arithmetic;
import org.bulwark.core.screening.ConditionExplainer.Check;
import org.bulwark.core.screening.ConditionExplainer.Choice;
import org.bulwark.core.screening.ConditionExplainer.Constant;
import org.bulwark.core.screening.ConditionExplainer.Figure;
import org.bulwark.core.screening.ConditionExplainer.Parameter;
import org.bulwark.core.screening.ConditionExplainer.Term;
import org.bulwark.core.screening.Rule;
import org.bulwark.exchange.DepartmentRecords;
import org.bulwark.exchange.HouseholdRecord;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.VariableCatalogue.Unit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a warning's stored evidence into what a county official reads ({@link WarningExplanation}): labels and units
 * from the {@link VariableCatalogue}, the tests of the rule's condition from the core's {@link ConditionExplainer},
 * and the records behind the figures from the exchange, masked and withheld as the reader's role requires.
 */
@Service
public class WarningExplanations {

    private final RuleBook rules;
    private final VariableCatalogue catalogue;
    private final DepartmentRecords records;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ObjectMapper json;

    WarningExplanations(
            RuleBook rules,
            VariableCatalogue catalogue,
            DepartmentRecords records,
            CurrentUser currentUser,
            MessageSource messages,
            ObjectMapper json) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.records = records;
        this.currentUser = currentUser;
        this.messages = messages;
        this.json = json;
    }

    /** The warning's evidence with the records behind it; null when the reader may not see the evidence. */
    public WarningExplanation explain(Warning warning) {
        return explain(warning, true);
    }

    /** One line per warning for lists (no records read); warnings whose evidence is withheld are left out. */
    public Map<Long, String> summaries(List<Warning> warnings) {
        Map<Long, String> summaries = new HashMap<>();
        for (Warning warning : warnings) {
            WarningExplanation explanation = explain(warning, false);
            if (explanation != null && explanation.summary() != null) {
                summaries.put(warning.id(), explanation.summary());
            }
        }
        return summaries;
    }

    private WarningExplanation explain(Warning warning, boolean withRecords) {
        if (warning.evidence() == null) {
            return null;
        }
        EvidenceText text = new EvidenceText(catalogue, messages, LocaleContextHolder.getLocale());
        JsonNode root = json.readTree(warning.evidence());
        Map<String, Object> figures = values(root.path("features"));
        Map<String, Object> parameters = values(root.path("parameters"));
        String when = rules.active().rule(warning.ruleId()).map(Rule::when).orElse(null);
        List<WarningExplanation.Check> checks = new ArrayList<>();
        if (when != null) {
            List<Check> tests = ConditionExplainer.explain(when, figures, parameters);
            tests.stream().filter(c -> !guard(c, tests)).forEach(c -> checks.add(text.check(c)));
        }
        List<WarningExplanation.Line> figureLines = new ArrayList<>();
        figures.forEach((name, value) -> figureLines.add(text.figureLine(name, value)));
        List<WarningExplanation.Line> parameterLines = new ArrayList<>();
        parameters.forEach((name, value) -> parameterLines.add(text.parameterLine(name, value)));
        List<WarningExplanation.RecordRow> rows = new ArrayList<>();
        int withheld = 0;
        if (withRecords) {
            withheld = recordRows(warning, root.path("records"), text, rows);
        }
        return new WarningExplanation(checks, figureLines, parameterLines, rows, withheld, summary(checks));
    }

    /**
     * A guard such as {@code disaster_loss > 0} beside the real test of the same figure ({@code disaster_loss >=
     * p.disaster_loss}) says nothing to the reader: left out. A figure tested against 0 alone (a count) stays.
     */
    private static boolean guard(Check check, List<Check> all) {
        return check.threshold() instanceof Constant c
                && c.value() instanceof Double d
                && d == 0
                && all.stream()
                        .anyMatch(o -> o != check
                                && o.threshold() != null
                                && o.figure().equals(check.figure()));
    }

    /** The test that says most: a comparison that held, else any test that held. */
    private static String summary(List<WarningExplanation.Check> checks) {
        return checks.stream()
                .filter(c -> c.holds() && c.threshold() != null)
                .reduce((a, b) -> b)
                .or(() ->
                        checks.stream().filter(WarningExplanation.Check::holds).reduce((a, b) -> b))
                .map(c -> c.threshold() == null
                        ? c.figure() + "：" + c.figureValue()
                        : String.join(
                                " ",
                                Stream.of(c.figure(), c.figureValue(), c.operator(), c.threshold(), c.thresholdValue())
                                        .filter(t -> !t.isBlank())
                                        .toList()))
                .orElse(null);
    }

    /** The records behind each figure as rows; returns how many the reader may not see. */
    private int recordRows(
            Warning warning, JsonNode recordsNode, EvidenceText text, List<WarningExplanation.RecordRow> rows) {
        Map<Long, String> figureOf = new LinkedHashMap<>();
        recordsNode
                .properties()
                .forEach(e -> e.getValue()
                        .path("recordIds")
                        .forEach(id -> figureOf.putIfAbsent(id.asLong(), text.variableLabel(e.getKey()))));
        List<HouseholdRecord> found =
                records.byIds(figureOf.keySet(), warning.householdId(), warning.villageCode(), warning.idNumber());
        boolean names = currentUser.require().can(Role.Permission.REVEAL_PERSONAL_DATA);
        for (HouseholdRecord r : found) {
            rows.add(new WarningExplanation.RecordRow(
                    r.id(),
                    figureOf.get(r.id()),
                    r.period(),
                    person(r, names, text),
                    r.departmentLabel(),
                    r.categoryLabel(),
                    mainValue(r),
                    r.batchId(),
                    r.sourceRow(),
                    r.fileName()));
        }
        return figureOf.size() - found.size();
    }

    private static String person(HouseholdRecord r, boolean names, EvidenceText text) {
        if (r.personName() != null && !r.personName().isBlank()) {
            return names ? r.personName() : maskName(r.personName());
        }
        if (r.maskedIdNumber() != null) {
            return r.maskedIdNumber();
        }
        return text.message(r.villageWide() ? "evidence.wholeVillage" : "evidence.wholeHousehold");
    }

    /** A name as a role without access to personal data sees it: the family name, the rest hidden (张**). */
    static String maskName(String name) {
        String stripped = name.strip();
        return stripped.isEmpty() ? stripped : stripped.charAt(0) + "*".repeat(stripped.length() - 1);
    }

    private static String mainValue(HouseholdRecord r) {
        return r.values().stream()
                .filter(HouseholdRecord.Value::main)
                .findFirst()
                .or(() -> r.values().stream().findFirst())
                .map(v -> v.label() + " " + v.text())
                .orElse("");
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            values.put(
                    e.getKey(),
                    v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean() : v.asString());
        });
        return values;
    }

    /** Writes figures, thresholds and tests in the reader's language. */
    static final class EvidenceText {

        private final VariableCatalogue catalogue;
        private final MessageSource messages;
        private final Locale locale;

        EvidenceText(VariableCatalogue catalogue, MessageSource messages, Locale locale) {
            this.catalogue = catalogue;
            this.messages = messages;
            this.locale = locale;
        }

        String message(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        String variableLabel(String name) {
            return catalogue.variable(name).map(e -> e.label(locale)).orElse(name);
        }

        WarningExplanation.Line figureLine(String name, Object value) {
            return new WarningExplanation.Line(
                    name,
                    variableLabel(name),
                    format(
                            value,
                            catalogue
                                    .variable(name)
                                    .map(VariableCatalogue.Entry::unit)
                                    .orElse(null)));
        }

        WarningExplanation.Line parameterLine(String name, Object value) {
            var entry = catalogue.parameter(name);
            return new WarningExplanation.Line(
                    name,
                    entry.map(e -> e.label(locale)).orElse(name),
                    format(value, entry.map(VariableCatalogue.Entry::unit).orElse(null)));
        }

        WarningExplanation.Check check(Check check) {
            Unit figureUnit = unit(check.figure());
            if (check.threshold() == null) {
                return new WarningExplanation.Check(
                        label(check.figure(), figureUnit),
                        format(check.figure().value(), figureUnit),
                        detail(check.figure(), figureUnit),
                        message("evidence.op." + (check.operator().equals("is") ? "is" : "not")),
                        null,
                        null,
                        null,
                        check.holds());
            }
            Unit thresholdUnit = unit(check.threshold());
            Unit shared = figureUnit != null ? figureUnit : thresholdUnit;
            Unit other = thresholdUnit != null ? thresholdUnit : figureUnit;
            return new WarningExplanation.Check(
                    label(check.figure(), shared),
                    format(check.figure().value(), shared),
                    detail(check.figure(), shared),
                    message("evidence.op." + operatorKey(check.operator())),
                    // a literal threshold (a count above 0) has no name: its value says it
                    check.threshold() instanceof Constant ? "" : label(check.threshold(), other),
                    format(check.threshold().value(), other),
                    detail(check.threshold(), other),
                    check.holds());
        }

        private static String operatorKey(String operator) {
            return switch (operator) {
                case "<" -> "lt";
                case "<=" -> "le";
                case ">" -> "gt";
                case ">=" -> "ge";
                case "==" -> "eq";
                default -> "ne";
            };
        }

        /** What a term is called: a figure's or parameter's label, a literal's value, arithmetic in words. */
        String label(Term term, Unit unit) {
            if (term instanceof Figure f) {
                return variableLabel(f.name());
            }
            if (term instanceof Parameter p) {
                return catalogue.parameter(p.name()).map(e -> e.label(locale)).orElse(p.name());
            }
            if (term instanceof Choice c) {
                return label(c.chosen(), unit);
            }
            if (term instanceof Arithmetic a) {
                return label(a.left(), unit(a.left()) != null ? unit(a.left()) : unit) + " " + symbol(a.operator())
                        + " " + label(a.right(), unit(a.right()));
            }
            return format(term.value(), unit);
        }

        /** The working behind a term's value: the arithmetic with values, or the figure that chose a threshold. */
        String detail(Term term, Unit unit) {
            if (term instanceof Arithmetic a) {
                return values(a, unit);
            }
            if (term instanceof Choice c) {
                return message(
                        "evidence.chosenBy",
                        label(c.condition(), unit(c.condition())),
                        format(c.condition().value(), unit(c.condition())));
            }
            return null;
        }

        private String values(Term term, Unit unit) {
            if (term instanceof Arithmetic a) {
                Unit left = unit(a.left());
                return values(a.left(), left != null ? left : unit) + " " + symbol(a.operator()) + " "
                        + values(a.right(), unit(a.right()));
            }
            if (term instanceof Choice c) {
                return values(c.chosen(), unit);
            }
            Unit own = unit(term);
            return format(term.value(), own != null ? own : term instanceof Constant ? null : unit);
        }

        private static String symbol(char operator) {
            return switch (operator) {
                case '+' -> "+";
                case '-' -> "−";
                case '*' -> "×";
                default -> "÷";
            };
        }

        /** A term's unit: the catalogue's for figures and parameters, worked out for arithmetic; null for literals. */
        Unit unit(Term term) {
            if (term instanceof Figure f) {
                return catalogue
                        .variable(f.name())
                        .map(VariableCatalogue.Entry::unit)
                        .orElse(null);
            }
            if (term instanceof Parameter p) {
                return catalogue
                        .parameter(p.name())
                        .map(VariableCatalogue.Entry::unit)
                        .orElse(null);
            }
            if (term instanceof Choice c) {
                return unit(c.chosen());
            }
            if (term instanceof Arithmetic a) {
                return arithmeticUnit(a.operator(), unit(a.left()), unit(a.right()));
            }
            return null;
        }

        private static Unit arithmeticUnit(char operator, Unit left, Unit right) {
            if (operator == '/') {
                return left == Unit.YUAN && right == Unit.PERSONS ? Unit.YUAN_PER_PERSON : left;
            }
            if (operator == '*') {
                boolean leftScale = left == null || left == Unit.SHARE || left == Unit.TIMES;
                return leftScale ? right : left;
            }
            return left != null ? left : right;
        }

        /** A value in its unit: 71,089 元 · 7,989.67 元/人 · 50% · 1.5 倍 · 是 · 监测户. */
        String format(Object value, Unit unit) {
            if (value instanceof Boolean b) {
                return message(b ? "evidence.yes" : "evidence.no");
            }
            if (!(value instanceof Number n)) {
                String text = String.valueOf(value);
                return unit == Unit.CATEGORY ? message("enum.HouseholdCategory." + text) : text;
            }
            double d = n.doubleValue();
            if (unit == null) {
                return number(d);
            }
            return switch (unit) {
                case YES_NO -> message(d != 0 ? "evidence.yes" : "evidence.no");
                case SHARE -> number(d * 100) + "%";
                case YUAN, YUAN_PER_PERSON -> money(d) + " " + message("evidence.unit." + unit.name());
                default -> number(d) + " " + message("evidence.unit." + unit.name());
            };
        }

        private static String money(double d) {
            return d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%,.2f", d);
        }

        private static String number(double d) {
            DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return format.format(d);
        }
    }
}
