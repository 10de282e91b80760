package org.bulwark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.bulwark.platform.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload the server cannot take apart (a file name with a NUL byte, a broken multipart body) is the sender's
 * mistake: 400 naming the file, not a 500. It fails before any controller is chosen, so only an advice for every
 * controller sees it. Uploads over the size limit have their own answer (413, {@code UploadLimitAdvice}, which
 * comes first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

    private final MessageSource messages;

    MultipartProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        FieldProblem problem = new FieldProblem(
                "file",
                "unreadable_upload",
                "the upload cannot be read (a file name with control characters, or a broken multipart body)");
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.message());
            detail.setType(URI.create("urn:bulwark:problem:invalid-parameter"));
            detail.setTitle("Invalid parameter");
            detail.setProperty("errors", List.of(problem));
            return ResponseEntity.badRequest().body(detail);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 400);
        page.addObject(
                "problems",
                List.of(messages.getMessage("field.file", null, "file", locale)
                        + PageInputErrors.separator(locale)
                        + messages.getMessage("problem.unreadable_upload", null, locale)));
        return page;
    }
}
