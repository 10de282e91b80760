package org.bulwark.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.BatchStatus;
import org.bulwark.exchange.Batches;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.exchange.RejectedRow;
import org.bulwark.exchange.RejectedRowsWithheldException;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API for department data: post a batch as JSON rows or as a CSV/Excel file, read the report and the rejected
 * rows. The answer is the batch report (accepted and rejected counts); a rejected row never stops the others unless
 * {@code allOrNothing=true}.
 */
@ApiController("/api/v1/exchange")
@Tag(name = "Department data exchange")
class ExchangeApi {

    private final DepartmentDataImport imports;
    private final Batches batches;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ExchangeApi(DepartmentDataImport imports, Batches batches, CurrentUser currentUser, MessageSource messages) {
        this.imports = imports;
        this.batches = batches;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /**
     * An upload refused before its file was read, in the caller's language (Accept-Language): the platform's handler
     * would answer the English default of each problem.
     */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, ExchangeProblems.describe(e, messages, locale));
        problem.setType(URI.create("urn:bulwark:problem:invalid-input"));
        problem.setTitle(messages.getMessage("exchange.api.invalidTitle", null, "Invalid input", locale));
        problem.setProperty("errors", ExchangeProblems.translated(e, messages, locale));
        return problem;
    }

    /** A batch outside the caller's region or department: not found, said in the caller's language. */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("error.notFound.detail", null, e.getMessage(), locale));
        problem.setTitle(messages.getMessage("error.notFound", null, "Not found", locale));
        return problem;
    }

    /** Refused in the caller's language, without naming the role's code (rows of another department, say). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, Locale locale) {
        String key = e instanceof RejectedRowsWithheldException ? "exchange.api.forbidden" : "error.forbidden.detail";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, messages.getMessage(key, null, e.getMessage(), locale));
        problem.setTitle(messages.getMessage("error.forbidden", null, "Forbidden", locale));
        return problem;
    }

    @Operation(summary = "Import a batch of a category as JSON: {\"rows\":[{field: value, ...}, ...]}")
    @PostMapping(path = "/{category}/rows", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> postRows(
            @PathVariable String category,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            HttpServletRequest request,
            Locale locale)
            throws IOException {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        Path temp = Files.createTempFile("bulwark-api-", ".json");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return answer(
                    imports.run(new ImportRequest(category, temp, "api.json", FileFormat.JSON, allOrNothing)), locale);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Operation(summary = "Import a batch of a category as a file (.csv in UTF-8 or GBK, .xlsx or .json)")
    @PostMapping(path = "/{category}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> postFile(
            @PathVariable String category,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            Locale locale)
            throws IOException {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        FileFormat format = FileFormat.ofFileName(file.getOriginalFilename());
        if (format == null) {
            throw InvalidInputException.of("file", "format", "send a .csv, .xlsx or .json file");
        }
        Path temp = Files.createTempFile("bulwark-api-", "." + format.name().toLowerCase(Locale.ROOT));
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return answer(
                    imports.run(new ImportRequest(category, temp, file.getOriginalFilename(), format, allOrNothing)),
                    locale);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The batch report; a duplicate (the same file imported before, or being imported by another upload at this
     * moment) is a conflict with problem details that say so, the batch attached.
     */
    private ResponseEntity<?> answer(Batch batch, Locale locale) {
        if (batch.status() != BatchStatus.DUPLICATE) {
            return ResponseEntity.ok(batch);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, batch.statusReason());
        problem.setType(URI.create("urn:bulwark:problem:duplicate-file"));
        problem.setTitle(messages.getMessage("exchange.api.duplicateTitle", null, "Duplicate file", locale));
        problem.setProperty("batch", batch);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @Operation(summary = "The latest batches of your region (of a department's account: its department's only)")
    @GetMapping("/batches")
    List<Batch> recent() {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        return batches.recent(100);
    }

    @Operation(summary = "A batch's report")
    @GetMapping("/batches/{id}")
    Batch batch(@PathVariable long id) {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        return batches.batch(id);
    }

    @Operation(
            summary =
                    "A batch's rejected rows with their reasons (audited): an officer reads only their "
                            + "department's batches, a sensitive category's rows need a role that reads sensitive data (or the "
                            + "uploading department); identity and mobile numbers are masked unless you sent the rows or may reveal")
    @GetMapping("/batches/{id}/rejected")
    List<RejectedRow> rejected(@PathVariable long id) {
        currentUser.requirePermission(Role.Permission.IMPORT_DEPARTMENT_DATA);
        return batches.rejected(id, 100_000);
    }
}
