package org.bulwark.platform.web;

import java.net.URI;
import java.util.List;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers API errors as RFC 9457 problem details; input errors list each field with its reason. */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblemHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.problems());
    }

    /** A parameter no operation could accept (a control character, a page out of bounds): 400, naming it. */
    @ExceptionHandler(org.bulwark.platform.InvalidParameterException.class)
    ProblemDetail invalidParameter(org.bulwark.platform.InvalidParameterException e) {
        ProblemDetail problem = invalid(e.problems());
        problem.setStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create("urn:bulwark:problem:invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setDetail(e.getMessage());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), "invalid", f.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String reason = e.getMostSpecificCause().getMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape: " + reason);
        problem.setType(URI.create("urn:bulwark:problem:malformed"));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldProblem(e.getName(), "type", "is not a valid value: " + e.getValue())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(org.bulwark.platform.TooManyRequestsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(org.bulwark.platform.TooManyRequestsException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "a record with the same key already exists");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                problems.size() + " field(s) are invalid; nothing was saved");
        problem.setType(URI.create("urn:bulwark:problem:invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        return problem;
    }
}
