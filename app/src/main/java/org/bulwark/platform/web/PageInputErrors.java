package org.bulwark.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page asked with bad parameters (a date that is not one, a region outside the user's scope, a period that ends
 * before it starts) answers a page that says which parameter is wrong and why — not a crash and not JSON.
 */
@ControllerAdvice(annotations = Controller.class)
class PageInputErrors {

    private final MessageSource messages;

    PageInputErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response, Locale locale) {
        return page(
                response,
                e.problems().stream()
                        .map(p -> label(p.field(), locale)
                                + separator(locale)
                                + messages.getMessage("problem." + p.code(), null, p.message(), locale))
                        .toList());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HttpServletResponse response, Locale locale) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return page(
                response,
                List.of(label(name, locale)
                        + separator(locale)
                        + messages.getMessage("problem.invalid", null, "is not valid", locale)));
    }

    private ModelAndView page(HttpServletResponse response, List<String> problems) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 400);
        page.addObject("problems", problems);
        return page;
    }

    private String label(String field, Locale locale) {
        return messages.getMessage(
                "field." + field, null, messages.getMessage("casework.field." + field, null, field, locale), locale);
    }

    static String separator(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "：" : ": ";
    }
}
