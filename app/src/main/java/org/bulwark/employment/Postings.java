package org.bulwark.employment;

import java.util.List;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postings whose place lies in the user's region subtree, of employers in it: read by every business role of the
 * region, kept by the county's employment office; audited. A posting elsewhere is "not found".
 */
@Service
@Transactional
public class Postings {

    private final PostingRepository repository;
    private final EmployerRepository employers;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;

    Postings(
            PostingRepository repository,
            EmployerRepository employers,
            CurrentUser currentUser,
            Regions regions,
            AuditLog audit) {
        this.repository = repository;
        this.employers = employers;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Posting> search(Long employerId, WorkKind kind, Posting.State state) {
        return repository.search(currentUser.scope().prefix(), employerId, kind, state);
    }

    @Transactional(readOnly = true)
    public Posting posting(long id) {
        return repository
                .find(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("posting", id));
    }

    public Posting create(PostingInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        long id = repository.insert(check(input), user.getUsername());
        Posting created = posting(id);
        audit.record(AuditRecord.created("posting", id, created.regionCode(), created));
        return created;
    }

    /** Changes a posting (closing it too), if nobody changed it since the input's version. */
    public Posting update(long id, PostingInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        Posting before = posting(id);
        if (!repository.update(id, currentUser.scope().prefix(), check(input), user.getUsername())) {
            throw new ConflictException(
                    before.title() + " was changed by someone else; reload it and apply your change again");
        }
        Posting after = posting(id);
        audit.record(AuditRecord.updated("posting", id, after.regionCode(), before, after));
        return after;
    }

    private CheckedPosting check(PostingInput input) {
        String prefix = currentUser.scope().prefix();
        return new EmploymentChecks(regions, currentUser.scope())
                .posting(input, employerId -> employers.find(employerId, prefix).isPresent());
    }
}
