package org.bulwark.core.employment;

import java.util.Comparator;
import java.util.List;

/**
 * A posting that fits a labourer, with the distance between them; {@link #reasons()} explains it.
 *
 * <p>Two orders rank matches (docs/employment.md, "Ranking"): {@link #FOR_LABOURER} ranks the postings shown to one
 * labourer, {@link #FOR_POSTING} the labourers shown for one posting. Both end on an id, so they are total and the
 * same input always gives the same list.
 */
public record Match(LabourerProfile labourer, OpenPosting posting, Reach reach) {

    /**
     * A labourer's postings: nearer first, then the higher wage (for one labourer the same order as the larger wage
     * gain), then the posting that uses more of the labourer's skills, then the lower posting id.
     */
    public static final Comparator<Match> FOR_LABOURER = Comparator.comparing(Match::reach)
            .thenComparing(Comparator.comparingInt((Match m) -> m.posting().monthlyWage())
                    .reversed())
            .thenComparing(Comparator.comparingInt((Match m) -> m.skillsUsed()).reversed())
            .thenComparingLong(m -> m.posting().id());

    /**
     * A posting's labourers: nearer first, then the larger wage gain (a labourer out of work gains the whole wage),
     * then the lower person id.
     */
    public static final Comparator<Match> FOR_POSTING = Comparator.comparing(Match::reach)
            .thenComparing(Comparator.comparingLong(Match::wageGain).reversed())
            .thenComparingLong(m -> m.labourer().personId());

    /** How many of the labourer's skills the posting uses: its required skills, since all must be held. */
    public int skillsUsed() {
        return posting.requiredSkills().size();
    }

    /** The posting's wage less the labourer's current wage (the whole wage when the labourer earns none). */
    public long wageGain() {
        Integer current = labourer.monthlyWage();
        return posting.monthlyWage() - (current == null ? 0L : current);
    }

    /** The reasons a page shows for this match, in the order it shows them. */
    public List<MatchReason> reasons() {
        return List.of(
                new MatchReason.Distance(reach),
                new MatchReason.KindOfWork(
                        posting.kind(), !labourer.wishes().kinds().isEmpty()),
                new MatchReason.Wage(
                        posting.monthlyWage(),
                        labourer.monthlyWage(),
                        labourer.wishes().minMonthlyWage()),
                new MatchReason.SkillsUsed(posting.requiredSkills()));
    }
}
