package org.bulwark.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The end of a page form's POST that the record pages share: read the form into the service's input, save it, and
 * go on with a "saved" note — or, when the input is refused or someone else saved first, show the form again with
 * what was typed and the problems on their fields, so nothing entered is lost.
 */
public final class FormSave {

    private FormSave() {}

    /** Reads a form into a service's input, noting each field it cannot read. */
    @FunctionalInterface
    public interface Reader<I> {
        I read(List<FieldProblem> problems);
    }

    /**
     * Saves and returns the redirect {@code next} names for what was saved, with the flash {@code saved}; on refused
     * input or a conflict returns {@code showAgain}'s view.
     */
    public static <I, R> String save(
            Reader<I> form,
            Function<I, R> store,
            Function<R, String> next,
            String saved,
            BindingResult result,
            RedirectAttributes redirect,
            Supplier<String> showAgain) {
        List<FieldProblem> problems = new ArrayList<>();
        I input = form.read(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            R stored = store.apply(input);
            redirect.addFlashAttribute("flash", saved);
            return "redirect:" + next.apply(stored);
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return showAgain.get();
        } catch (ConflictException e) {
            // the page says in the reader's language that someone else saved first
            result.reject("problem.conflict", e.getMessage());
            return showAgain.get();
        }
    }
}
