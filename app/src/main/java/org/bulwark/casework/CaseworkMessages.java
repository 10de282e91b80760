package org.bulwark.casework;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.bulwark.core.casework.EliminationCriterion;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns the core's refusals into messages in the user's language, naming the field they concern. */
@Component
public class CaseworkMessages {

    private final MessageSource messages;

    CaseworkMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusals as one input error, each on {@code field} unless the refusal says which field it is about. */
    InvalidInputException refused(String field, List<Refusal> refusals) {
        return new InvalidInputException(refusals.stream()
                .map(r -> new FieldProblem(fieldOf(r, field), r.code(), text(r)))
                .toList());
    }

    /** One line of a risk-elimination assessment: the condition with the figures that decide it, in words. */
    public String detail(RiskEliminationAssessment.Result result) {
        Object[] arguments = result.figures().stream().map(this::label).toArray();
        return messages.getMessage(
                "casework.criterion." + result.criterion().name() + ".detail" + variant(result),
                arguments,
                "",
                LocaleContextHolder.getLocale());
    }

    /**
     * The wording for a figure the assessment could not give ("-"): a date that does not exist is said in words,
     * not left as a dash inside a sentence ("自-起持续高于监测范围").
     */
    private static String variant(RiskEliminationAssessment.Result result) {
        List<Object> figures = result.figures();
        return switch (result.criterion()) {
            case INCOME_STABLY_ABOVE_LINE ->
                "-".equals(figures.get(0)) ? ".noIncome" : "-".equals(figures.get(2)) ? ".notAbove" : "";
            case MONITORED_LONG_ENOUGH -> "-".equals(figures.get(0)) ? ".notIdentified" : "";
            default -> "";
        };
    }

    /** The message of one refusal. */
    public String text(Refusal refusal) {
        Object[] arguments = refusal.arguments().stream().map(this::label).toArray();
        return messages.getMessage(
                "casework.refused." + refusal.code(), arguments, refusal.code(), LocaleContextHolder.getLocale());
    }

    /** A message of this module ({@code key}) with its values in words, as {@link #text(Refusal)} gives them. */
    public String message(String key, List<Object> arguments) {
        return messages.getMessage(
                key, arguments.stream().map(this::label).toArray(), key, LocaleContextHolder.getLocale());
    }

    private Object label(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> String.valueOf(label(v))).collect(Collectors.joining("、"));
        }
        if (value instanceof RiskType risk) {
            return messages.getMessage(
                    "casework.risk." + risk.name(), null, risk.name(), LocaleContextHolder.getLocale());
        }
        if (value instanceof MonitoringType type) {
            return messages.getMessage(
                    "casework.type." + type.name(), null, type.name(), LocaleContextHolder.getLocale());
        }
        if (value instanceof Step step) {
            return messages.getMessage(
                    "casework.step." + step.name(), null, step.name(), LocaleContextHolder.getLocale());
        }
        if (value instanceof EliminationCriterion criterion) {
            return messages.getMessage(
                    "casework.criterion." + criterion.name(), null, criterion.name(), LocaleContextHolder.getLocale());
        }
        if (value instanceof MeasureStatus status) {
            return messages.getMessage(
                    "casework.measureStatus." + status.name(), null, status.name(), LocaleContextHolder.getLocale());
        }
        if (value instanceof DeclarationStatus status) {
            return messages.getMessage(
                    "casework.declarationStatus." + status.name(),
                    null,
                    status.name(),
                    LocaleContextHolder.getLocale());
        }
        if (value instanceof Long id) {
            // ids are longs: no thousands separator (counts stay numbers for the messages' choice formats)
            return String.valueOf(id);
        }
        if (value instanceof String gap && gap.matches("[a-z_]+")) {
            // a guarantee not yet secured, by the name the assessment gives it
            return messages.getMessage("casework.gap." + gap, null, gap, LocaleContextHolder.getLocale());
        }
        if (value instanceof String text && text.matches("[A-Z_]+")) {
            // a role's name, as the procedure file writes it
            return messages.getMessage("role." + text, null, text, LocaleContextHolder.getLocale());
        }
        // numbers stay numbers, for the messages' number and choice formats
        return value == null ? "" : value;
    }

    private static String fieldOf(Refusal refusal, String fallback) {
        return switch (refusal.code()) {
            case "type_missing", "type_needs_formerly_poor", "type_marginal_formerly_poor" -> "monitoringType";
            case "risks_missing", "risks_too_many", "employment_without_labour" -> "risks";
            case "illness_without_cost" -> "medicalOutOfPocket";
            case "commitment_missing" -> "commitmentSigned";
            default -> fallback;
        };
    }
}
