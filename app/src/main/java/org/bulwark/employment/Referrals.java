package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.employment.JobMatcher;
import org.bulwark.core.employment.MatchRefusal;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of labourers of the user's region to postings that fit them, recorded by the helper, the village or the
 * employment office (those who may change labourers): proposed, then moved forward to a hire or ended refused with a
 * reason ({@link ReferralState}); each change kept with who and when, and audited. A hire records the labourer's new
 * work through {@link Labourers} and takes an opening off the posting ({@link ReferralHire}).
 */
@Service
@Transactional
public class Referrals {

    private final ReferralRepository repository;
    private final Labourers labourers;
    private final ReferralHire hire;
    private final ReferralWords words;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    Referrals(
            ReferralRepository repository,
            Labourers labourers,
            ReferralHire hire,
            ReferralWords words,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.labourers = labourers;
        this.hire = hire;
        this.words = words;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** One referral of the user's region. */
    @Transactional(readOnly = true)
    public Referral referral(long id) {
        return repository
                .find(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("referral", id));
    }

    /** Referrals of the user's region, newest first, narrowed to a labourer, household, posting or state if given. */
    @Transactional(readOnly = true)
    public List<Referral> search(Long personId, Long householdId, Long postingId, ReferralState state) {
        return repository.search(currentUser.scope().prefix(), personId, householdId, postingId, state);
    }

    /** The states a referral took, newest first. */
    @Transactional(readOnly = true)
    public List<ReferralChange> history(long id) {
        referral(id);
        return repository.history(id);
    }

    /** The states of each of the given referrals (of the user's region), newest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<ReferralChange>> histories(List<Referral> referrals) {
        String scope = currentUser.scope().prefix();
        return repository.histories(referrals.stream()
                .filter(r -> r.villageCode().startsWith(scope))
                .map(Referral::id)
                .toList());
    }

    /** Refers a labourer of the user's region to a posting that fits them today. */
    public Referral propose(long personId, long postingId) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_LABOURERS);
        Labourer labourer = labourers.labourer(personId).labourer();
        Posting posting = repository.posting(postingId).orElseThrow(() -> new NotFoundException("posting", postingId));
        var refusals = JobMatcher.refusals(MatchProfiles.of(labourer), MatchProfiles.of(posting), LocalDate.now(clock));
        if (!refusals.isEmpty()) {
            MatchRefusal first = refusals.iterator().next();
            throw InvalidInputException.of("postingId", "not_a_match", words.notAMatch(first));
        }
        if (repository.live(personId, postingId)) {
            throw InvalidInputException.of("postingId", "already_referred", words.alreadyReferred());
        }
        long id = repository.insert(labourer, postingId, user.getUsername());
        Referral created = referral(id);
        audit.record(AuditRecord.created("referral", id, created.villageCode(), created));
        return created;
    }

    /** Moves a referral to its next state, if the move is allowed and nobody moved it since the version read. */
    public Referral move(long id, ReferralMove move) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_LABOURERS);
        Referral before = referral(id);
        ReferralState next = checkedState(before, move);
        String reason = next == ReferralState.REFUSED ? move.refusalReason().strip() : null;
        int version = move.version() == null ? before.version() : move.version();
        if (!repository.move(id, version, next, reason, user.getUsername())) {
            throw new ConflictException(words.movedBySomeoneElse());
        }
        if (next == ReferralState.HIRED) {
            hire.record(before, user);
        }
        Referral after = referral(id);
        audit.record(AuditRecord.updated("referral", id, after.villageCode(), before, after));
        return after;
    }

    /**
     * Records that the referral carries out a measure of its household's support plan, or none ({@code measureId}
     * null). Casework calls it for those who edit plans, having checked that the measure is the household's and an
     * employment measure; here the referral must be of the user's region and of that household. The measure's
     * earlier referral, if another, lets go of it. Every referral changed is audited.
     */
    public Referral linkToMeasure(long referralId, long householdId, Long measureId) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_PLANS);
        Referral referral = referral(referralId);
        if (referral.householdId() != householdId) {
            throw InvalidInputException.of("referralId", "other_household", words.otherHousehold());
        }
        List<Referral> before = measureId == null
                ? List.of(referral)
                : repository.search(currentUser.scope().prefix(), null, householdId, null, null).stream()
                        .filter(r -> r.id() == referralId || measureId.equals(r.planMeasureId()))
                        .toList();
        List<Long> changed = repository.linkMeasure(referralId, measureId, user.getUsername());
        for (Referral b : before) {
            if (changed.contains(b.id())) {
                Referral after = referral(b.id());
                audit.record(AuditRecord.updated("referral", b.id(), after.villageCode(), b, after));
            }
        }
        return referral(referralId);
    }

    private ReferralState checkedState(Referral before, ReferralMove move) {
        ReferralState next = ReferralWords.parseState(move.state());
        if (next == null) {
            throw InvalidInputException.of("state", "choice", words.unknownState(move.state()));
        }
        if (!before.state().canMoveTo(next)) {
            throw InvalidInputException.of("state", "transition", words.notAllowed(before.state(), next));
        }
        if (next == ReferralState.REFUSED
                && (move.refusalReason() == null || move.refusalReason().isBlank())) {
            throw InvalidInputException.of("refusalReason", "required", words.reasonRequired());
        }
        if (move.refusalReason() != null && move.refusalReason().length() > 500) {
            throw InvalidInputException.of("refusalReason", "too_long", words.reasonTooLong());
        }
        return next;
    }
}
