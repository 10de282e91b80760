package org.bulwark.platform.web;

import java.net.URI;
import java.util.List;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.InvalidParameterException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.TooManyRequestsException;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Answers API errors as RFC 9457 problem details; input errors list each field with its reason. */
@RestControllerAdvice(annotations = ApiController.class)
// before Spring Boot's own problem-details advice (order 0), which would answer type mismatches and unreadable
// bodies without naming the parameter
@Order(-1)
class ApiProblemHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.problems());
    }

    /** A parameter no operation could accept (a control character, a page out of bounds): 400, naming it. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
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
                .map(f -> new FieldProblem(f.getField(), "invalid", f.getDefaultMessage()))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String reason = e.getMostSpecificCause().getMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the request body is not valid JSON of the expected shape: " + reason);
        problem.setType(URI.create("urn:bulwark:problem:malformed"));
        String field = jsonField(e);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldProblem(field, "malformed", reason)));
        }
        return problem;
    }

    /** The JSON field a body broke at ({@code members[0].employmentMonths}), when Jackson knows it. */
    private static String jsonField(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference step : jackson.getPath()) {
                    if (step.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
                    } else if (step.getIndex() >= 0) {
                        field.append('[').append(step.getIndex()).append(']');
                    }
                }
                return field.isEmpty() ? null : field.toString();
            }
            if (cause instanceof StreamReadException read && read.processor() != null) {
                // a number beyond its type is found by the parser, which knows where it stands
                String pointer =
                        read.processor().streamReadContext().pathAsPointer().toString();
                String field = pointer.replaceAll("/([0-9]+)", "[$1]")
                        .replace('/', '.')
                        .replaceFirst("^\\.", "");
                return field.isEmpty() ? null : field;
            }
        }
        return null;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        // a parameter that is not of its type (a number beyond 64 bits, a word for a number): 400, naming it
        String value = String.valueOf(e.getValue());
        return invalidParameter(new InvalidParameterException(
                e.getName(),
                "type",
                "is not a valid value: " + (value.length() > 40 ? value.substring(0, 40) + "…" : value)));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, problems.size() + " field(s) are invalid; nothing was saved");
        problem.setType(URI.create("urn:bulwark:problem:invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        return problem;
    }
}
