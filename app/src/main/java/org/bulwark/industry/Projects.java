package org.bulwark.industry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The industry projects of the user's region: read by every business role where the project lies or pays a household,
 * kept by county staff (the county's registry editors: projects are a county's business, docs/policy.md §5). A project
 * elsewhere is "not found"; every change is audited with the values before and after.
 */
@Service
@Transactional
public class Projects {

    private final ProjectRepository repository;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;
    private final BenefitSnapshots snapshots;
    private final ApplicationEventPublisher events;

    Projects(
            ProjectRepository repository,
            CurrentUser currentUser,
            Regions regions,
            AuditLog audit,
            BenefitSnapshots snapshots,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
        this.snapshots = snapshots;
        this.events = events;
    }

    /** Projects whose name holds the text, of a kind and state (null: any). */
    @Transactional(readOnly = true)
    public List<Project> search(String text, EntityKind kind, ProjectState state) {
        String t = text == null || text.isBlank() ? null : text.strip();
        return repository.search(currentUser.scope().prefix(), t, kind, state);
    }

    @Transactional(readOnly = true)
    public Project project(long id) {
        return repository
                .find(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("industry_project", id));
    }

    public Project create(ProjectInput input) {
        BulwarkUser user = requireKeeper();
        CheckedProject checked = checks().project(input);
        long id = repository.insert(checked, user.getUsername());
        Project created = project(id);
        audit.record(AuditRecord.created("industry_project", id, created.regionCode(), created));
        return created;
    }

    /** Changes a project, if nobody changed it since the input's version. */
    public Project update(long id, ProjectInput input) {
        BulwarkUser user = requireKeeper();
        Project before = project(id);
        CheckedProject checked = checks().project(input);
        if (!repository.update(id, currentUser.scope().prefix(), checked, user.getUsername())) {
            throw new ConflictException(
                    before.name() + " was changed by someone else; reload it and apply your change again");
        }
        Project after = project(id);
        audit.record(AuditRecord.updated("industry_project", id, after.regionCode(), before, after));
        if (before.state() != after.state() || !Objects.equals(before.stateYear(), after.stateYear())) {
            stateChanged(id, user.getUsername());
        }
        return after;
    }

    // a failed or revived project changes what IND-02 reads for every household it is linked to, wherever it lives
    private void stateChanged(long id, String by) {
        Map<Long, List<Integer>> linked = snapshots.linkedTo(id);
        if (!linked.isEmpty()) {
            Set<Integer> years = new TreeSet<>();
            linked.values().forEach(years::addAll);
            events.publishEvent(new BenefitLinksChanged(List.copyOf(linked.keySet()), List.copyOf(years), by));
        }
    }

    /** Whether the current user may keep projects: a registry editor of a county or above. */
    public boolean mayKeep() {
        BulwarkUser user = currentUser.require();
        return user.can(Role.Permission.EDIT_REGISTRY) && countyOrAbove(user);
    }

    private BulwarkUser requireKeeper() {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_REGISTRY);
        if (!countyOrAbove(user)) {
            throw new AccessDeniedException("industry projects are kept by county staff");
        }
        return user;
    }

    private static boolean countyOrAbove(BulwarkUser user) {
        RegionLevel level = RegionCode.parse(user.regionCode()).level();
        return level.digits() <= RegionLevel.COUNTY.digits();
    }

    private IndustryChecks checks() {
        return new IndustryChecks(regions, currentUser.scope());
    }
}
