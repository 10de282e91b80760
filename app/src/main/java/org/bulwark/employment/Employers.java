package org.bulwark.employment;

import java.util.List;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employers of the user's region subtree: read by every business role of the region, kept by the county's
 * employment office. An employer elsewhere is "not found"; every change is audited with the values before and after.
 */
@Service
@Transactional
public class Employers {

    private final EmployerRepository repository;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;

    Employers(EmployerRepository repository, CurrentUser currentUser, Regions regions, AuditLog audit) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
    }

    /** Employers whose name holds the text (or whose credit code is it), of a kind, active only if asked. */
    @Transactional(readOnly = true)
    public List<Employer> search(String text, EmployerKind kind, boolean activeOnly) {
        String t = text == null || text.isBlank() ? null : text.strip();
        return repository.search(currentUser.scope().prefix(), t, kind, activeOnly);
    }

    @Transactional(readOnly = true)
    public Employer employer(long id) {
        return repository
                .find(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("employer", id));
    }

    public Employer create(EmployerInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        CheckedEmployer checked = checks().employer(input, code -> repository.creditCodeTaken(code, null));
        long id = repository.insert(checked, user.getUsername());
        Employer created = employer(id);
        audit.record(AuditRecord.created("employer", id, created.regionCode(), created));
        return created;
    }

    /** Changes an employer, if nobody changed it since the input's version. */
    public Employer update(long id, EmployerInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        Employer before = employer(id);
        CheckedEmployer checked = checks().employer(input, code -> repository.creditCodeTaken(code, id));
        if (!repository.update(id, currentUser.scope().prefix(), checked, user.getUsername())) {
            throw new ConflictException(
                    before.name() + " was changed by someone else; reload it and apply your change again");
        }
        Employer after = employer(id);
        audit.record(AuditRecord.updated("employer", id, after.regionCode(), before, after));
        return after;
    }

    private EmploymentChecks checks() {
        return new EmploymentChecks(regions, currentUser.scope());
    }
}
