package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a post's vacant places: {@link #propose} shows whom the documented order chooses and why, and whom it
 * refuses for a public payroll; {@link #confirm} gives places to those of the proposal the officer confirms —
 * computed again in the same transaction, so a place never goes against the order or to someone on a payroll. Each
 * holder is audited and recorded in the labour registry as in a public-welfare job.
 */
@Service
@Transactional
public class WelfareAllocations {

    private final WelfareJobs jobs;
    private final WelfareJobRepository repository;
    private final WelfareAllocator allocator;
    private final Labourers labourers;
    private final WelfareWords words;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    WelfareAllocations(
            WelfareJobs jobs,
            WelfareJobRepository repository,
            WelfareAllocator allocator,
            Labourers labourers,
            WelfareWords words,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.jobs = jobs;
        this.repository = repository;
        this.allocator = allocator;
        this.labourers = labourers;
        this.words = words;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whom the order gives the post's vacant places, with the reasons, and whom it refuses for a payroll. */
    @Transactional(readOnly = true)
    public WelfareProposal propose(long postId) {
        currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        WelfarePost post = jobs.post(postId);
        WelfareAllocator.Allocation allocation = allocator.allocate(post, LocalDate.now(clock));
        List<WelfareProposal.Proposed> proposed = allocation.awards().stream()
                .map(a -> new WelfareProposal.Proposed(
                        a.candidate().candidate().personId(),
                        a.candidate().name(),
                        a.candidate().candidate().householdId(),
                        a.candidate().householdNumber(),
                        a.candidate().perCapitaIncome(),
                        a.reasons(),
                        words.explanation(a.reasons(), a.candidate().perCapitaIncome())))
                .toList();
        return new WelfareProposal(post, proposed, allocation.refused());
    }

    /**
     * Gives places to the confirmed persons, each of whom must be in the proposal made now; all or none. The term
     * runs from today for a year, to the post's end at the latest.
     */
    public List<WelfareHolder> confirm(long postId, List<Long> personIds) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        jobs.post(postId);
        repository.lockPost(postId);
        WelfarePost post = jobs.post(postId);
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(post.termStart()) || today.isAfter(post.termEnd())) {
            throw InvalidInputException.of("postId", "not_in_term", words.notInTerm(post.termStart(), post.termEnd()));
        }
        Set<Long> wanted = new LinkedHashSet<>(personIds == null ? List.of() : personIds);
        if (wanted.isEmpty()) {
            throw InvalidInputException.of("personIds", "required", words.problem("required", "is required"));
        }
        WelfareAllocator.Allocation allocation = allocator.allocate(post, today);
        List<WelfareAllocator.Award> chosen = chosen(allocation, wanted, post);
        LocalDate to = today.plusYears(1).minusDays(1);
        to = to.isAfter(post.termEnd()) ? post.termEnd() : to;
        List<WelfareHolder> given = new ArrayList<>();
        for (WelfareAllocator.Award a : chosen) {
            long id = repository.insertHolder(post, a.candidate(), a.reasons(), today, to, user.getUsername());
            WelfareHolder holder = jobs.holder(id);
            audit.record(AuditRecord.created("welfare_post_holder", id, holder.villageCode(), holder));
            labourers.welfareJob(holder.personId(), true, post.monthlyAllowance(), today, user);
            given.add(holder);
        }
        return given;
    }

    /** The awards of the confirmed persons; each one not proposed is named, with the payroll's reason if that is it. */
    private List<WelfareAllocator.Award> chosen(
            WelfareAllocator.Allocation allocation, Set<Long> wanted, WelfarePost post) {
        Map<Long, WelfareAllocator.Award> awards = allocation.awards().stream()
                .collect(Collectors.toMap(a -> a.candidate().candidate().personId(), Function.identity()));
        Map<Long, String> refused = allocation.refused().stream()
                .collect(Collectors.toMap(WelfareProposal.Refused::personId, WelfareProposal.Refused::reason));
        List<FieldProblem> problems = new ArrayList<>();
        for (long person : wanted) {
            if (refused.containsKey(person)) {
                problems.add(new FieldProblem("personIds", "on_public_payroll", refused.get(person)));
            } else if (!awards.containsKey(person)) {
                problems.add(new FieldProblem("personIds", "not_proposed", words.notProposed(person)));
            }
        }
        if (post.vacant() == 0) {
            problems.add(new FieldProblem("personIds", "no_vacancy", words.noVacancy()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // in the order the core gave them, whatever order the officer sent
        return allocation.awards().stream()
                .filter(a -> wanted.contains(a.candidate().candidate().personId()))
                .toList();
    }
}
