package org.bulwark.core.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Matching one labourer or one posting at a time, by the rules of docs/employment.md: every hard limit checked on
 * every pair given. It is the reference the {@link PostingIndex} and {@link ProvinceMatching} must agree with, and
 * what a page uses on the few candidates it read from the database.
 */
public final class JobMatcher {

    private JobMatcher() {}

    /** The hard limits {@code posting} breaks for {@code labourer} on {@code day}; empty when it fits. */
    public static Set<MatchRefusal> refusals(LabourerProfile labourer, OpenPosting posting, LocalDate day) {
        Set<MatchRefusal> refusals = EnumSet.noneOf(MatchRefusal.class);
        JobWishes wishes = labourer.wishes();
        if (!Reach.between(labourer.home(), posting.place()).within(wishes.farthest())) {
            refusals.add(MatchRefusal.FARTHER_THAN_WISHED);
        }
        if (!wishes.wants(posting.kind())) {
            refusals.add(MatchRefusal.KIND_NOT_WISHED);
        }
        if (!labourer.skills().containsAll(posting.requiredSkills())) {
            refusals.add(MatchRefusal.SKILL_MISSING);
        }
        if (!wishes.accepts(posting.monthlyWage())) {
            refusals.add(MatchRefusal.WAGE_BELOW_WISH);
        }
        if (!posting.takesLabourersOn(day)) {
            refusals.add(MatchRefusal.NOT_TAKING_LABOURERS);
        }
        return refusals;
    }

    /** The match of {@code labourer} and {@code posting} on {@code day}, or empty when a hard limit is broken. */
    public static Optional<Match> match(LabourerProfile labourer, OpenPosting posting, LocalDate day) {
        if (!refusals(labourer, posting, day).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Match(labourer, posting, Reach.between(labourer.home(), posting.place())));
    }

    /** The best {@code limit} of {@code postings} for {@code labourer}, ranked by {@link Match#FOR_LABOURER}. */
    public static List<Match> postingsFor(
            LabourerProfile labourer, Collection<OpenPosting> postings, LocalDate day, int limit) {
        List<Match> matches = new ArrayList<>();
        for (OpenPosting posting : postings) {
            match(labourer, posting, day).ifPresent(matches::add);
        }
        return best(matches, Match.FOR_LABOURER, limit);
    }

    /** The best {@code limit} of {@code labourers} for {@code posting}, ranked by {@link Match#FOR_POSTING}. */
    public static List<Match> labourersFor(
            OpenPosting posting, Collection<LabourerProfile> labourers, LocalDate day, int limit) {
        List<Match> matches = new ArrayList<>();
        for (LabourerProfile labourer : labourers) {
            match(labourer, posting, day).ifPresent(matches::add);
        }
        return best(matches, Match.FOR_POSTING, limit);
    }

    private static List<Match> best(List<Match> matches, java.util.Comparator<Match> order, int limit) {
        matches.sort(order);
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }
}
