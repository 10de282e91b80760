package org.bulwark.exchange.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * An upload refused before its file was read (a category that does not exist or belongs to another department, a
 * file that is not .csv, .xlsx or .json), in the reader's language: the problem's code names its message
 * ({@code problem.<code>}), the English text of the exception is only the fallback.
 */
final class ExchangeProblems {

    private ExchangeProblems() {}

    /** Each problem translated, the field named by its label ({@code 数据类别：…}). */
    static List<FieldProblem> translated(InvalidInputException e, MessageSource messages, Locale locale) {
        return e.problems().stream()
                .map(p -> new FieldProblem(
                        p.field(), p.code(), messages.getMessage("problem." + p.code(), null, p.message(), locale)))
                .toList();
    }

    /** The problems as one sentence for the upload page. */
    static String describe(InvalidInputException e, MessageSource messages, Locale locale) {
        String separator = "zh".equals(locale.getLanguage()) ? "：" : ": ";
        return translated(e, messages, locale).stream()
                .map(p -> messages.getMessage("exchange.field." + p.field(), null, p.field(), locale)
                        + separator
                        + p.message())
                .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "；" : "; "));
    }
}
