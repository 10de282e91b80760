package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public-welfare jobs (公益性岗位) of the user's region (docs/employment.md, "Public-welfare jobs"): the village's
 * posts, read by every business role of the region and kept by the county's employment office and the township
 * ({@link Role.Permission#MANAGE_WELFARE_JOBS}); their places given by {@link WelfareAllocator} and confirmed
 * (WelfareAllocations), renewed and ended (WelfareTerms). A post or holder elsewhere is "not found"; every change
 * is audited.
 */
@Service
@Transactional
public class WelfareJobs {

    /** How many days ahead the list of terms ending looks. */
    public static final int ENDING_WITHIN_DAYS = 30;

    private final WelfareJobRepository repository;
    private final PublicPayroll payroll;
    private final WelfareWords words;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    WelfareJobs(
            WelfareJobRepository repository,
            PublicPayroll payroll,
            WelfareWords words,
            CurrentUser currentUser,
            Regions regions,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.payroll = payroll;
        this.words = words;
        this.currentUser = currentUser;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WelfarePost> posts() {
        return repository.posts(currentUser.scope().prefix());
    }

    @Transactional(readOnly = true)
    public WelfarePost post(long id) {
        return repository
                .post(id, currentUser.scope().prefix())
                .orElseThrow(() -> new NotFoundException("welfare_post", id));
    }

    public WelfarePost create(WelfarePostInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        long id = repository.insertPost(checks().post(input, 0), user.getUsername());
        WelfarePost created = post(id);
        audit.record(AuditRecord.created("welfare_post", id, created.villageCode(), created));
        return created;
    }

    /** Changes a post, if nobody changed it since the input's version; never to fewer places than are held. */
    public WelfarePost update(long id, WelfarePostInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        WelfarePost before = post(id);
        CheckedWelfarePost checked = checks().post(input, before.held());
        if (!checked.villageCode().equals(before.villageCode()) && before.held() > 0) {
            throw InvalidInputException.of(
                    "villageCode", "village_held", words.problem("village_held", "places of the post are held"));
        }
        if (!repository.updatePost(id, currentUser.scope().prefix(), checked, user.getUsername())) {
            throw new ConflictException(words.conflict());
        }
        WelfarePost after = post(id);
        audit.record(AuditRecord.updated("welfare_post", id, after.villageCode(), before, after));
        return after;
    }

    /** The holders of a post (those who held it too, unless only those holding are asked), flagged when on payroll. */
    @Transactional(readOnly = true)
    public List<WelfareHolder> holders(long postId, boolean holdingOnly) {
        post(postId);
        return flagged(repository.holders(currentUser.scope().prefix(), postId, holdingOnly, null));
    }

    /** The holders of the region whose term ends within {@link #ENDING_WITHIN_DAYS} days, or has ended unrenewed. */
    @Transactional(readOnly = true)
    public List<WelfareHolder> ending() {
        LocalDate by = LocalDate.now(clock).plusDays(ENDING_WITHIN_DAYS);
        return flagged(repository.holders(currentUser.scope().prefix(), null, true, by));
    }

    /** Every holder of the region holding a place, flagged when on payroll. */
    @Transactional(readOnly = true)
    public List<WelfareHolder> holding() {
        return flagged(repository.holders(currentUser.scope().prefix(), null, true, null));
    }

    @Transactional(readOnly = true)
    public WelfareHolder holder(long id) {
        return repository
                .holder(id, currentUser.scope().prefix())
                .map(h -> flagged(List.of(h)).get(0))
                .orElseThrow(() -> new NotFoundException("welfare_post_holder", id));
    }

    @Transactional(readOnly = true)
    public List<WelfareHolderChange> history(long holderId) {
        holder(holderId);
        return repository.history(holderId);
    }

    // a holder found on a public payroll (or with a member on one) is flagged, so the office can end the term
    private List<WelfareHolder> flagged(List<WelfareHolder> holders) {
        Map<Long, List<PayrollEntry>> paid = payroll.of(
                holders.stream().map(WelfareHolder::householdId).distinct().toList(), LocalDate.now(clock));
        return holders.stream()
                .map(h -> h.withPayroll(paid.getOrDefault(h.householdId(), List.of())))
                .toList();
    }

    private WelfareChecks checks() {
        return new WelfareChecks(regions, currentUser.scope(), words);
    }
}
