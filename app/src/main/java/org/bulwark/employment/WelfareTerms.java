package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder's term: renewed to a later end within the post's term (the state RENEWED, the earlier term kept in the
 * history), or ended with a reason — which frees the place and, if the labourer still counts the job as their work,
 * records them out of work. Each change is audited.
 */
@Service
@Transactional
public class WelfareTerms {

    /** A renewal: the new end of the term, and the version read. */
    public record Renewal(LocalDate termTo, Integer version) {}

    /** An end: the last day (today when none), why, and the version read. */
    public record End(LocalDate endDate, String reason, Integer version) {}

    private final WelfareJobs jobs;
    private final WelfareJobRepository repository;
    private final Labourers labourers;
    private final WelfareWords words;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    WelfareTerms(
            WelfareJobs jobs,
            WelfareJobRepository repository,
            Labourers labourers,
            WelfareWords words,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.jobs = jobs;
        this.repository = repository;
        this.labourers = labourers;
        this.words = words;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public WelfareHolder renew(long holderId, Renewal renewal) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        WelfareHolder before = holding(holderId);
        WelfarePost post = jobs.post(before.postId());
        LocalDate to = renewal.termTo();
        if (to == null) {
            throw InvalidInputException.of("termTo", "required", words.problem("required", "is required"));
        }
        if (!to.isAfter(before.termTo())) {
            throw InvalidInputException.of("termTo", "not_later", words.renewalNotLater(before.termTo()));
        }
        if (to.isAfter(post.termEnd())) {
            throw InvalidInputException.of("termTo", "beyond_post", words.renewalBeyondPost(post.termEnd()));
        }
        return change(before, renewal.version(), WelfareHolderState.RENEWED, to, null, user);
    }

    public WelfareHolder end(long holderId, End end) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        WelfareHolder before = holding(holderId);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = end.endDate() == null ? today : end.endDate();
        if (last.isBefore(before.termFrom()) || last.isAfter(today)) {
            throw InvalidInputException.of(
                    "endDate", "end_outside_term", words.endOutsideTerm(before.termFrom(), today));
        }
        String reason = end.reason() == null ? "" : end.reason().strip();
        if (reason.isEmpty()) {
            throw InvalidInputException.of("reason", "required", words.problem("required", "is required"));
        }
        if (reason.length() > 500) {
            throw InvalidInputException.of("reason", "too_long", words.problem("too_long", "is too long"));
        }
        WelfareHolder after = change(before, end.version(), WelfareHolderState.ENDED, last, reason, user);
        labourers.welfareJob(after.personId(), false, null, last, user);
        return after;
    }

    private WelfareHolder holding(long holderId) {
        WelfareHolder holder = jobs.holder(holderId);
        if (!holder.state().holds()) {
            throw InvalidInputException.of("state", "ended", words.ended());
        }
        return holder;
    }

    private WelfareHolder change(
            WelfareHolder before,
            Integer version,
            WelfareHolderState state,
            LocalDate to,
            String reason,
            BulwarkUser user) {
        int read = version == null ? before.version() : version;
        if (!repository.changeHolder(before.id(), read, state, to, reason, user.getUsername())) {
            throw new ConflictException(words.conflict());
        }
        WelfareHolder after = jobs.holder(before.id());
        audit.record(AuditRecord.updated("welfare_post_holder", after.id(), after.villageCode(), before, after));
        return after;
    }
}
