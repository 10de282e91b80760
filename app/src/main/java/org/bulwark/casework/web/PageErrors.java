package org.bulwark.casework.web;

import java.util.List;
import java.util.Locale;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * The messages a casework page shows for refused input: each problem with the label of its field, in the user's
 * language ({@code problem.<code>} where the platform has one, else the service's own message, which casework already
 * writes in the user's language).
 */
final class PageErrors {

    private PageErrors() {}

    static List<String> of(RuntimeException e, MessageSource messages, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(p -> line(p, messages, locale))
                    .toList();
        }
        if (e instanceof ConflictException || e instanceof NotFoundException) {
            return List.of(e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return List.of(messages.getMessage("casework.forbidden", null, locale));
        }
        throw e;
    }

    private static String line(FieldProblem problem, MessageSource messages, Locale locale) {
        String label = messages.getMessage("casework.field." + problem.field(), null, problem.field(), locale);
        // casework's refusals arrive already in the user's language; the platform's generic codes have a message key
        String text = messages.getMessage("problem." + problem.code(), null, problem.message(), locale);
        return label + ("zh".equals(locale.getLanguage()) ? "：" : ": ") + text;
    }

    /** Runs a page action; on refusal returns the messages to show instead of throwing. */
    static List<String> attempt(Runnable action, MessageSource messages, Locale locale) {
        try {
            action.run();
            return List.of();
        } catch (InvalidInputException | ConflictException | NotFoundException | AccessDeniedException e) {
            return of(e, messages, locale);
        }
    }
}
