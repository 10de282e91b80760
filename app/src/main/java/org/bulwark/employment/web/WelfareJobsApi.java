package org.bulwark.employment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.employment.WelfareAllocations;
import org.bulwark.employment.WelfareHolder;
import org.bulwark.employment.WelfareHolderChange;
import org.bulwark.employment.WelfareJobs;
import org.bulwark.employment.WelfarePost;
import org.bulwark.employment.WelfarePostInput;
import org.bulwark.employment.WelfareProposal;
import org.bulwark.employment.WelfareTerms;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of public-welfare jobs (公益性岗位) of the caller's region: posts, the proposal of holders for vacant places
 * by the documented order and its confirmation, terms ending, renewal and end. Refused input answers problem details
 * naming each field, in the caller's language.
 */
@ApiController("/api/v1/employment")
@Tag(name = "Employment")
class WelfareJobsApi {

    /** The persons of a proposal the caller confirms. */
    record Confirmation(List<Long> personIds) {}

    private final WelfareJobs jobs;
    private final WelfareAllocations allocations;
    private final WelfareTerms terms;

    WelfareJobsApi(WelfareJobs jobs, WelfareAllocations allocations, WelfareTerms terms) {
        this.jobs = jobs;
        this.allocations = allocations;
        this.terms = terms;
    }

    @Operation(summary = "Public-welfare posts of the caller's region, with places held")
    @GetMapping("/welfare-posts")
    List<WelfarePost> posts() {
        return jobs.posts();
    }

    @Operation(summary = "One public-welfare post")
    @GetMapping("/welfare-posts/{id}")
    WelfarePost post(@PathVariable long id) {
        return jobs.post(id);
    }

    @Operation(summary = "Create a public-welfare post in a village (duty and funding by code or Chinese word)")
    @PostMapping("/welfare-posts")
    @ResponseStatus(HttpStatus.CREATED)
    WelfarePost create(@RequestBody WelfarePostInput body) {
        return jobs.create(body);
    }

    @Operation(summary = "Change a public-welfare post (send the version you read)")
    @PutMapping("/welfare-posts/{id}")
    WelfarePost update(@PathVariable long id, @RequestBody WelfarePostInput body) {
        return jobs.update(id, body);
    }

    @Operation(summary = "A post's holders, those who left too unless holdingOnly; payroll lists the flagged")
    @GetMapping("/welfare-posts/{id}/holders")
    List<WelfareHolder> holders(@PathVariable long id, @RequestParam(defaultValue = "false") boolean holdingOnly) {
        return jobs.holders(id, holdingOnly);
    }

    @Operation(
            summary = "Propose holders for the post's vacant places by the documented order, with reasons and"
                    + " the candidates refused for a public payroll")
    @GetMapping("/welfare-posts/{id}/proposal")
    WelfareProposal proposal(@PathVariable long id) {
        return allocations.propose(id);
    }

    @Operation(summary = "Give places to persons of the proposal made now; all or none")
    @PostMapping("/welfare-posts/{id}/holders")
    @ResponseStatus(HttpStatus.CREATED)
    List<WelfareHolder> confirm(@PathVariable long id, @RequestBody Confirmation body) {
        return allocations.confirm(id, body.personIds());
    }

    @Operation(summary = "Holders of the caller's region whose term ends within 30 days or ended unrenewed")
    @GetMapping("/welfare-holders/ending")
    List<WelfareHolder> ending() {
        return jobs.ending();
    }

    @Operation(summary = "One post holder")
    @GetMapping("/welfare-holders/{id}")
    WelfareHolder holder(@PathVariable long id) {
        return jobs.holder(id);
    }

    @Operation(summary = "A post holder's states and terms, newest first")
    @GetMapping("/welfare-holders/{id}/history")
    List<WelfareHolderChange> history(@PathVariable long id) {
        return jobs.history(id);
    }

    @Operation(summary = "Renew a holder's term to a later end within the post's term")
    @PostMapping("/welfare-holders/{id}/renewal")
    WelfareHolder renew(@PathVariable long id, @RequestBody WelfareTerms.Renewal body) {
        return terms.renew(id, body);
    }

    @Operation(summary = "End a holder's term (last day, reason): the place is free again")
    @PostMapping("/welfare-holders/{id}/end")
    WelfareHolder end(@PathVariable long id, @RequestBody WelfareTerms.End body) {
        return terms.end(id, body);
    }
}
