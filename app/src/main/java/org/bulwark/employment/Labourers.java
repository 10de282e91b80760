package org.bulwark.employment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The labour registry for pages and the API: labourers of the user's region subtree (a labourer elsewhere is "not
 * found"), their history, and changes recorded from a visit or by the employment office — audited, each with a
 * history row.
 */
@Service
@Transactional
public class Labourers {

    /** A page of labourers and how many match in all. */
    public record Page(List<LabourerListing> labourers, long total, int page) {}

    private final LabourerRepository repository;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    Labourers(LabourerRepository repository, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The labourers of the user's region (or of a region under it) that pass the filters. */
    @Transactional(readOnly = true)
    public Page search(LabourerSearch search) {
        String prefix = prefix(search.region());
        return new Page(repository.search(prefix, search), repository.count(prefix, search), search.page());
    }

    /** One labourer of the user's region. */
    @Transactional(readOnly = true)
    public LabourerListing labourer(long personId) {
        return repository
                .find(personId, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("labourer", personId));
    }

    /** A labourer's history, newest first. */
    @Transactional(readOnly = true)
    public List<LabourerChange> history(long personId) {
        labourer(personId);
        return repository.history(personId, currentUser.scope().prefix());
    }

    /** Records a labourer's work, skills and wishes, if nobody changed the labourer since the input's version. */
    public LabourerListing update(long personId, LabourerInput input) {
        String scope = currentUser.scope().prefix();
        // an employer elsewhere is "not found" as on every other path; the one already recorded (a hire may have set
        // one outside the editor's region) stays acceptable, so saving a visit does not lose it
        return update(
                personId,
                input,
                (before, id) -> Long.valueOf(id).equals(before.employerId()) || repository.employerWithin(id, scope));
    }

    /** A hire: the posting's employer is the one admitted, wherever it lies (the posting was reached in scope). */
    LabourerListing hire(long personId, LabourerInput input, long postingEmployer) {
        return update(personId, input, (before, id) -> id == postingEmployer);
    }

    /** Which employers an update may name, given the labourer as it was. */
    private interface EmployerAdmitted {
        boolean test(Labourer before, long employerId);
    }

    private LabourerListing update(long personId, LabourerInput input, EmployerAdmitted admitted) {
        return write(personId, input, admitted, currentUser.requirePermission(Role.Permission.EDIT_LABOURERS));
    }

    /**
     * A public-welfare job taken or left (WelfareJobs, whose caller may keep the posts without editing labourers): in
     * work in the county in a public-welfare job at the allowance, or out of work again — but a labourer who took
     * other work since keeps it, and a person who is no labourer (any more) is left alone.
     */
    void welfareJob(long personId, boolean taken, BigDecimal allowance, LocalDate since, BulwarkUser user) {
        Optional<LabourerListing> found =
                repository.find(personId, currentUser.scope().prefix());
        if (found.isEmpty() || (!taken && found.get().labourer().workMode() != WorkMode.PUBLIC_WELFARE)) {
            return;
        }
        Labourer l = found.get().labourer();
        LabourerInput input = new LabourerInput(
                taken,
                taken ? EmploymentPlace.IN_COUNTY.name() : null,
                taken ? WorkMode.PUBLIC_WELFARE.name() : null,
                null,
                since,
                l.monthsWorked(),
                taken ? allowance : null,
                l.skills().stream().map(Enum::name).toList(),
                l.training(),
                LabourerRow.name(l.wishReach()),
                l.wishKinds().stream().map(Enum::name).toList(),
                l.wishMinWage(),
                LabourSource.OFFICER.name(),
                l.version());
        write(personId, input, (before, id) -> false, user);
    }

    private LabourerListing write(long personId, LabourerInput input, EmployerAdmitted admitted, BulwarkUser user) {
        LabourerListing before = labourer(personId);
        CheckedLabourer checked =
                LabourerChecks.check(input, LocalDate.now(clock), id -> admitted.test(before.labourer(), id));
        if (!repository.update(personId, currentUser.scope().prefix(), checked, user.getUsername())) {
            throw new ConflictException(
                    before.name() + " was changed by someone else; reload and apply your change again");
        }
        LabourerListing after = labourer(personId);
        audit.record(AuditRecord.updated(
                "labourer", personId, after.labourer().villageCode(), before.labourer(), after.labourer()));
        return after;
    }

    /** The scope's prefix, or the asked region's when it lies in the scope; a region outside it is not found. */
    private String prefix(String region) {
        RegionScope scope = currentUser.scope();
        if (region == null || region.isBlank()) {
            return scope.prefix();
        }
        RegionCode code = RegionCode.tryParse(region.strip())
                .filter(scope::covers)
                .orElseThrow(() -> new NotFoundException("region", region));
        return code.prefix();
    }
}
