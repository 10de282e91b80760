package org.bulwark.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the size limit: a problem detail for the API, a message on the upload page for people. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final DataSize limit;
    private final MessageSource messages;

    UploadLimitAdvice(@Value("${spring.servlet.multipart.max-file-size:64MB}") DataSize limit, MessageSource messages) {
        this.limit = limit;
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, Locale locale) {
        String detail = messages.getMessage("exchange.tooLarge", new Object[] {limit.toMegabytes()}, locale);
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
            problem.setType(URI.create("urn:bulwark:problem:too-large"));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
        }
        return "redirect:/exchange?tooLarge=" + limit.toMegabytes();
    }
}
