package org.bulwark.employment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.employment.Employer;
import org.bulwark.employment.EmployerInput;
import org.bulwark.employment.Employers;
import org.bulwark.employment.EmploymentImport;
import org.bulwark.employment.LabourerChange;
import org.bulwark.employment.LabourerInput;
import org.bulwark.employment.LabourerListing;
import org.bulwark.employment.LabourerSearch;
import org.bulwark.employment.Labourers;
import org.bulwark.employment.Posting;
import org.bulwark.employment.PostingInput;
import org.bulwark.employment.Postings;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of employment services: labourers, employers and postings of the caller's region. Choices are sent as
 * codes or their Chinese words; refused input answers problem details naming each field.
 */
@ApiController("/api/v1/employment")
@Tag(name = "Employment")
class EmploymentApi {

    private final Labourers labourers;
    private final Employers employers;
    private final Postings postings;
    private final EmploymentImport imports;

    EmploymentApi(Labourers labourers, Employers employers, Postings postings, EmploymentImport imports) {
        this.labourers = labourers;
        this.employers = employers;
        this.postings = postings;
        this.imports = imports;
    }

    @Operation(
            summary = "Import a file of employers or postings (CSV, .xlsx, JSON; Chinese column names), whole or"
                    + " not at all; 422 with every row and its reason when a row is wrong")
    @PostMapping(path = "/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EmploymentImport.Outcome> importFile(
            @PathVariable ImportKind kind, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            EmploymentImport.Outcome outcome = kind == ImportKind.postings
                    ? imports.postings(in, file.getOriginalFilename())
                    : imports.employers(in, file.getOriginalFilename());
            return ResponseEntity.status(outcome.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(outcome);
        }
    }

    /** What a file holds. */
    enum ImportKind {
        employers,
        postings
    }

    @Operation(summary = "Labourers of the caller's region (or of a region under it), 50 a page")
    @GetMapping("/labourers")
    Labourers.Page labourers(
            @RequestParam(required = false) Boolean inWork,
            @RequestParam(required = false) EmploymentPlace place,
            @RequestParam(required = false) WorkMode workMode,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page) {
        return labourers.search(new LabourerSearch(inWork, place, workMode, region, page));
    }

    @Operation(summary = "One labourer (the registry person's id)")
    @GetMapping("/labourers/{personId}")
    LabourerListing labourer(@PathVariable long personId) {
        return labourers.labourer(personId);
    }

    @Operation(summary = "A labourer's history, newest first")
    @GetMapping("/labourers/{personId}/history")
    List<LabourerChange> labourerHistory(@PathVariable long personId) {
        return labourers.history(personId);
    }

    @Operation(summary = "Record a labourer's work, skills and wishes (source VISIT or OFFICER)")
    @PutMapping("/labourers/{personId}")
    LabourerListing updateLabourer(@PathVariable long personId, @RequestBody LabourerInput body) {
        return labourers.update(personId, body);
    }

    @Operation(summary = "Employers of the caller's region")
    @GetMapping("/employers")
    List<Employer> employers(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EmployerKind kind,
            @RequestParam(defaultValue = "false") boolean activeOnly) {
        return employers.search(q, kind, activeOnly);
    }

    @Operation(summary = "One employer")
    @GetMapping("/employers/{id}")
    Employer employer(@PathVariable long id) {
        return employers.employer(id);
    }

    @Operation(summary = "Create an employer")
    @PostMapping("/employers")
    @ResponseStatus(HttpStatus.CREATED)
    Employer createEmployer(@RequestBody EmployerInput body) {
        return employers.create(body);
    }

    @Operation(summary = "Change an employer (send the version you read)")
    @PutMapping("/employers/{id}")
    Employer updateEmployer(@PathVariable long id, @RequestBody EmployerInput body) {
        return employers.update(id, body);
    }

    @Operation(summary = "Postings whose place is in the caller's region")
    @GetMapping("/postings")
    List<Posting> postings(
            @RequestParam(required = false) Long employerId,
            @RequestParam(required = false) WorkKind workKind,
            @RequestParam(required = false) Posting.State state) {
        return postings.search(employerId, workKind, state);
    }

    @Operation(summary = "One posting")
    @GetMapping("/postings/{id}")
    Posting posting(@PathVariable long id) {
        return postings.posting(id);
    }

    @Operation(summary = "Create a posting")
    @PostMapping("/postings")
    @ResponseStatus(HttpStatus.CREATED)
    Posting createPosting(@RequestBody PostingInput body) {
        return postings.create(body);
    }

    @Operation(summary = "Change or close a posting (send the version you read)")
    @PutMapping("/postings/{id}")
    Posting updatePosting(@PathVariable long id, @RequestBody PostingInput body) {
        return postings.update(id, body);
    }
}
