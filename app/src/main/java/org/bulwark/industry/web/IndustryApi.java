package org.bulwark.industry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.industry.BenefitLink;
import org.bulwark.industry.BenefitLinkInput;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.industry.CollectiveIncome;
import org.bulwark.industry.CollectiveIncomeInput;
import org.bulwark.industry.CollectiveIncomes;
import org.bulwark.industry.Project;
import org.bulwark.industry.ProjectInput;
import org.bulwark.industry.Projects;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of industries: projects, benefit links and village collective incomes of the caller's region. Choices are
 * sent as codes or their Chinese words; refused input answers problem details naming each field.
 */
@ApiController("/api/v1/industry")
@Tag(name = "Industry")
class IndustryApi {

    private final Projects projects;
    private final BenefitLinks links;
    private final CollectiveIncomes collective;

    IndustryApi(Projects projects, BenefitLinks links, CollectiveIncomes collective) {
        this.projects = projects;
        this.links = links;
        this.collective = collective;
    }

    @Operation(summary = "Projects of the caller's region, or paying its households")
    @GetMapping("/projects")
    List<Project> projects(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EntityKind kind,
            @RequestParam(required = false) ProjectState state) {
        return projects.search(q, kind, state);
    }

    @Operation(summary = "One project")
    @GetMapping("/projects/{id}")
    Project project(@PathVariable long id) {
        return projects.project(id);
    }

    @Operation(summary = "Create a project (county staff)")
    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Project createProject(@RequestBody ProjectInput body) {
        return projects.create(body);
    }

    @Operation(summary = "Change a project, or mark it failed or closed (send the version you read)")
    @PutMapping("/projects/{id}")
    Project updateProject(@PathVariable long id, @RequestBody ProjectInput body) {
        return projects.update(id, body);
    }

    @Operation(summary = "A project's links to the households of the caller's region")
    @GetMapping("/projects/{id}/links")
    List<BenefitLink> projectLinks(@PathVariable long id) {
        return links.ofProject(id);
    }

    @Operation(summary = "A household's benefit links")
    @GetMapping("/households/{householdId}/links")
    List<BenefitLink> householdLinks(@PathVariable long householdId) {
        return links.ofHousehold(householdId);
    }

    @Operation(summary = "Record what a household received from a project in a year, and how")
    @PostMapping("/links")
    @ResponseStatus(HttpStatus.CREATED)
    BenefitLink recordLink(@RequestBody BenefitLinkInput body) {
        return links.record(body);
    }

    @Operation(summary = "Remove a link recorded by mistake")
    @DeleteMapping("/links/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeLink(@PathVariable long id) {
        links.remove(id);
    }

    @Operation(summary = "Village collective incomes of a year in the caller's region")
    @GetMapping("/collective-incomes")
    List<CollectiveIncome> collectiveIncomes(@RequestParam int year) {
        return collective.ofYear(year);
    }

    @Operation(summary = "Record a village collective's income of a year from a source (replaces an earlier one)")
    @PostMapping("/collective-incomes")
    CollectiveIncome recordCollectiveIncome(@RequestBody CollectiveIncomeInput body) {
        return collective.record(body);
    }
}
