package org.bulwark.industry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which households a project pays, how and how much a year, within the user's region: a link is read and recorded
 * where its household lives (a village cadre records the links of the village), to a project the user can see.
 * Every change is audited.
 */
@Service
@Transactional
public class BenefitLinks {

    private final BenefitLinkRepository repository;
    private final ProjectRepository projects;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    BenefitLinks(
            BenefitLinkRepository repository,
            ProjectRepository projects,
            CurrentUser currentUser,
            Regions regions,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.projects = projects;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
        this.events = events;
    }

    /** The links of a project to the households of the user's region, newest year first. */
    @Transactional(readOnly = true)
    public List<BenefitLink> ofProject(long projectId) {
        String prefix = currentUser.scope().prefix();
        projects.find(projectId, prefix).orElseThrow(() -> new NotFoundException("industry_project", projectId));
        return repository.ofProject(projectId, prefix);
    }

    /** A household's links, newest year first; empty for a household outside the user's region. */
    @Transactional(readOnly = true)
    public List<BenefitLink> ofHousehold(long householdId) {
        return repository.ofHousehold(householdId, currentUser.scope().prefix());
    }

    /**
     * What the household received from its projects in the year, for its income record; empty for a household outside
     * the user's region (nobody types what the platform knows: the income form suggests these amounts).
     */
    @Transactional(readOnly = true)
    public BenefitIncome incomeOf(long householdId, int year) {
        return new BenefitIncome(
                year,
                ofHousehold(householdId).stream()
                        .filter(l -> l.year() == year)
                        .map(l -> new BenefitIncome.Source(l.projectName(), l.kind(), l.amount()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public BenefitLink link(long id) {
        return repository
                .find(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("benefit_link", id));
    }

    /** Records what a household received from a project in a year; every wrong field is named, nothing is saved. */
    public BenefitLink record(BenefitLinkInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        BenefitLink created = insert(input, user);
        changed(List.of(created), user.getUsername());
        return created;
    }

    /**
     * Records many links at once (a county's ledger, the demo's seed): each as {@link #record}, all or none, announced
     * to screening as one change, so that a thousand links make one batch of snapshots and not a thousand.
     */
    public List<BenefitLink> recordAll(List<BenefitLinkInput> inputs) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        List<BenefitLink> created = inputs.stream().map(i -> insert(i, user)).toList();
        changed(created, user.getUsername());
        return created;
    }

    private BenefitLink insert(BenefitLinkInput input, BulwarkUser user) {
        String prefix = currentUser.scope().prefix();
        List<FieldProblem> p = new ArrayList<>();
        BenefitKind kind = new IndustryChecks(regions, currentUser.scope()).link(input, p);
        if (input.projectId() == null
                || projects.find(input.projectId(), prefix).isEmpty()) {
            p.add(new FieldProblem(
                    "projectId", input.projectId() == null ? "required" : "project_unknown", "no such project"));
        }
        Optional<BenefitLinkRepository.HouseholdRef> household = household(input, prefix, p);
        if (p.isEmpty() && repository.exists(input.projectId(), household.get().id(), kind, input.year())) {
            p.add(linkExists());
        }
        IndustryChecks.throwIfAny(p);
        long id;
        try {
            id = repository.insert(
                    input.projectId(), household.get(), kind, input.year(), input.amount(), user.getUsername());
        } catch (DuplicateKeyException e) {
            // two users recording the same link at once: both passed the check above, the table's key stops the second
            throw new InvalidInputException(List.of(linkExists()));
        }
        BenefitLink created = repository.find(id, prefix).orElseThrow();
        audit.record(AuditRecord.created("benefit_link", id, created.villageCode(), created));
        return created;
    }

    private static FieldProblem linkExists() {
        return new FieldProblem("kind", "link_exists", "this household's link of this kind and year exists");
    }

    /** Removes a link recorded by mistake (a changed amount is removed and recorded again). */
    public void remove(long id) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        BenefitLink before = link(id);
        repository.delete(id);
        audit.record(AuditRecord.deleted("benefit_link", id, before.villageCode(), before));
        changed(List.of(before), user.getUsername());
    }

    // screening reads the household's year through the snapshot the feed hands the exchange (IND-02)
    private void changed(List<BenefitLink> links, String by) {
        if (!links.isEmpty()) {
            events.publishEvent(new BenefitLinksChanged(
                    links.stream().map(BenefitLink::householdId).distinct().toList(),
                    links.stream().map(BenefitLink::year).distinct().toList(),
                    by));
        }
    }

    private Optional<BenefitLinkRepository.HouseholdRef> household(
            BenefitLinkInput input, String prefix, List<FieldProblem> p) {
        if (input.householdId() == null && IndustryChecks.blank(input.householdNumber())) {
            p.add(new FieldProblem("householdNumber", "required", "is required"));
            return Optional.empty();
        }
        Optional<BenefitLinkRepository.HouseholdRef> found =
                repository.household(input.householdId(), input.householdNumber(), prefix);
        if (found.isEmpty()) {
            // a household outside the scope is as unknown as one that does not exist
            p.add(new FieldProblem("householdNumber", "household_unknown", "no such household in your area"));
        }
        return found;
    }
}
