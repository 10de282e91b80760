package org.bulwark.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.core.employment.JobMatcher;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching for pages and the API (docs/employment.md): the postings that fit one labourer of the user's region, and
 * the labourers of the user's region that fit one posting, ranked by the core's rules with their reasons. Only the
 * candidates within reach are read; a labourer outside the user's region is never shown.
 */
@Service
@Transactional(readOnly = true)
public class JobMatches {

    /** A labourer out of work and the postings that fit them. */
    public record UnemployedMatches(LabourerListing labourer, List<PostingMatch> postings) {}

    /** How many matches a page or the API shows: enough to choose from, few enough to read on a phone. */
    public static final int SHOWN = 20;

    private final Labourers labourers;
    private final Postings postings;
    private final MatchRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    JobMatches(
            Labourers labourers, Postings postings, MatchRepository repository, CurrentUser currentUser, Clock clock) {
        this.labourers = labourers;
        this.postings = postings;
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The postings that fit a labourer of the user's region, best first. */
    public List<PostingMatch> forLabourer(long personId) {
        return forProfile(MatchProfiles.of(labourers.labourer(personId).labourer()));
    }

    /** The labourers of the user's region that fit a posting the user can see, best first. */
    public List<LabourerMatch> forPosting(long postingId) {
        OpenPosting posting = MatchProfiles.of(postings.posting(postingId));
        List<LabourerListing> candidates =
                repository.labourersFor(posting, currentUser.scope().prefix());
        Map<Long, LabourerListing> byPerson =
                candidates.stream().collect(Collectors.toMap(c -> c.labourer().personId(), Function.identity()));
        List<LabourerProfile> profiles =
                candidates.stream().map(c -> MatchProfiles.of(c.labourer())).toList();
        List<LabourerMatch> matches = new ArrayList<>();
        for (Match m : JobMatcher.labourersFor(posting, profiles, today(), SHOWN)) {
            matches.add(new LabourerMatch(byPerson.get(m.labourer().personId()), m.reach(), m.reasons()));
        }
        return matches;
    }

    /** For each labourer out of work in a household of the user's region, the postings that fit (evidence of EMP-01). */
    public List<UnemployedMatches> forUnemployedOf(long householdId) {
        List<UnemployedMatches> matches = new ArrayList<>();
        for (LabourerListing l :
                repository.household(householdId, currentUser.scope().prefix())) {
            if (!l.labourer().inWork()) {
                matches.add(new UnemployedMatches(l, forProfile(MatchProfiles.of(l.labourer()))));
            }
        }
        return matches;
    }

    private List<PostingMatch> forProfile(LabourerProfile labourer) {
        String within = MatchProfiles.prefixWithin(
                labourer.home().value(), labourer.wishes().farthest());
        LocalDate day = today();
        Map<Long, Posting> byId = new LinkedHashMap<>();
        repository.postingsFor(labourer, within, day, SHOWN).forEach(p -> byId.put(p.id(), p));
        List<OpenPosting> open = byId.values().stream().map(MatchProfiles::of).toList();
        List<PostingMatch> matches = new ArrayList<>();
        for (Match m : JobMatcher.postingsFor(labourer, open, day, SHOWN)) {
            matches.add(new PostingMatch(byId.get(m.posting().id()), m.reach(), m.reasons()));
        }
        return matches;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
