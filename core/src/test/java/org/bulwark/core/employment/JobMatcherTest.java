package org.bulwark.core.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.employment.Jobs.DAY;
import static org.bulwark.core.employment.Jobs.HOME;
import static org.bulwark.core.employment.Jobs.labourer;
import static org.bulwark.core.employment.Jobs.posting;
import static org.bulwark.core.employment.Jobs.upTo;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobMatcherTest {

    private static final OpenPosting SAME_VILLAGE = posting(1, "522324104201", 2000);
    private static final OpenPosting SAME_TOWNSHIP = posting(2, "522324104205", 2500);
    private static final OpenPosting COUNTY_SEAT = posting(3, "522324001201", 3000);
    private static final OpenPosting PREFECTURE_CITY = posting(4, "522301001201", 3500);
    private static final OpenPosting CAPITAL = posting(5, "520102001201", 4500);
    private static final OpenPosting SHENZHEN = posting(6, "440305001001", 6000);
    private static final List<OpenPosting> ALL =
            List.of(SHENZHEN, CAPITAL, PREFECTURE_CITY, COUNTY_SEAT, SAME_TOWNSHIP, SAME_VILLAGE);

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(m -> m.posting().id()).toList();
    }

    @Test
    void postingsBeyondTheWishedReachAreNeverMatchedAndNearerComeFirst() {
        assertThat(ids(JobMatcher.postingsFor(labourer(1, upTo(Reach.COUNTY)), ALL, DAY, 10)))
                .containsExactly(1L, 2L, 3L);
        assertThat(ids(JobMatcher.postingsFor(labourer(1, upTo(Reach.VILLAGE)), ALL, DAY, 10)))
                .containsExactly(1L);
        assertThat(ids(JobMatcher.postingsFor(labourer(1, upTo(Reach.ANYWHERE)), ALL, DAY, 10)))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aLabourerOfAnotherCountyIsNotShownForAPostingBeyondTheirReach() {
        LabourerProfile neighbour = labourer(
                2, org.bulwark.core.region.RegionCode.parse("522326104201"), upTo(Reach.COUNTY), Set.of(), null);
        LabourerProfile local = labourer(1, upTo(Reach.COUNTY));
        List<Match> matches = JobMatcher.labourersFor(COUNTY_SEAT, List.of(neighbour, local), DAY, 10);
        assertThat(matches).extracting(m -> m.labourer().personId()).containsExactly(1L);
        assertThat(JobMatcher.refusals(neighbour, COUNTY_SEAT, DAY)).containsExactly(MatchRefusal.FARTHER_THAN_WISHED);
    }

    @Test
    void everyRequiredSkillMustBeHeld() {
        OpenPosting welding =
                posting(7, "522324104201", WorkKind.MANUFACTURING, Set.of(Skill.WELDER, Skill.DRIVER), 3000);
        LabourerProfile welder = labourer(1, HOME, upTo(Reach.VILLAGE), Set.of(Skill.WELDER), null);
        LabourerProfile both =
                labourer(2, HOME, upTo(Reach.VILLAGE), Set.of(Skill.WELDER, Skill.DRIVER, Skill.COOK), null);
        assertThat(JobMatcher.refusals(welder, welding, DAY)).containsExactly(MatchRefusal.SKILL_MISSING);
        assertThat(JobMatcher.match(both, welding, DAY)).isPresent();
    }

    @Test
    void aWageBelowTheWishedMinimumIsRefusedAndTheMinimumItselfIsAccepted() {
        LabourerProfile wants3000 = labourer(1, new JobWishes(Reach.COUNTY, Set.of(), 3000));
        assertThat(JobMatcher.refusals(wants3000, posting(8, "522324104201", 2999), DAY))
                .containsExactly(MatchRefusal.WAGE_BELOW_WISH);
        assertThat(JobMatcher.match(wants3000, posting(9, "522324104201", 3000), DAY))
                .isPresent();
    }

    @Test
    void onlyTheWishedKindsOfWorkAreMatchedWhenTheLabourerNamedSome() {
        LabourerProfile cook = labourer(1, new JobWishes(Reach.COUNTY, Set.of(WorkKind.CATERING_AND_SERVICES), null));
        OpenPosting kitchen = posting(10, "522324104201", WorkKind.CATERING_AND_SERVICES, Set.of(), 2500);
        assertThat(JobMatcher.refusals(cook, SAME_VILLAGE, DAY)).containsExactly(MatchRefusal.KIND_NOT_WISHED);
        assertThat(JobMatcher.match(cook, kitchen, DAY).orElseThrow().reasons())
                .contains(new MatchReason.KindOfWork(WorkKind.CATERING_AND_SERVICES, true));
    }

    @Test
    void aPostingIsMatchedOnlyWhileOpenAndWithAnOpeningLeft() {
        LabourerProfile anyone = labourer(1, upTo(Reach.VILLAGE));
        assertThat(JobMatcher.match(anyone, SAME_VILLAGE, DAY.plusDays(30))).isPresent();
        assertThat(JobMatcher.refusals(anyone, SAME_VILLAGE, DAY.plusDays(31)))
                .containsExactly(MatchRefusal.NOT_TAKING_LABOURERS);
        assertThat(JobMatcher.refusals(anyone, SAME_VILLAGE, DAY.minusDays(31)))
                .containsExactly(MatchRefusal.NOT_TAKING_LABOURERS);
        OpenPosting full = new OpenPosting(11, 1, HOME, WorkKind.OTHER, Set.of(), 2000, 40, 0, DAY, null);
        assertThat(JobMatcher.refusals(anyone, full, DAY)).containsExactly(MatchRefusal.NOT_TAKING_LABOURERS);
    }

    @Test
    void withinOneReachTheHigherWageThenMoreSkillsThenTheLowerIdComeFirst() {
        LabourerProfile skilled = labourer(1, HOME, upTo(Reach.VILLAGE), Set.of(Skill.COOK), null);
        OpenPosting low = posting(20, "522324104201", 2000);
        OpenPosting highPlain = posting(22, "522324104201", 3000);
        OpenPosting highCook = posting(23, "522324104201", WorkKind.MANUFACTURING, Set.of(Skill.COOK), 3000);
        OpenPosting highPlainLowerId = posting(21, "522324104201", 3000);
        assertThat(ids(JobMatcher.postingsFor(skilled, List.of(low, highPlain, highCook, highPlainLowerId), DAY, 3)))
                .containsExactly(23L, 21L, 22L);
    }

    @Test
    void theWageIsExplainedAgainstTheCurrentWageElseTheWishedMinimum() {
        LabourerProfile earning = labourer(1, HOME, upTo(Reach.COUNTY), Set.of(), 2800);
        LabourerProfile wishing = labourer(2, new JobWishes(Reach.COUNTY, Set.of(), 2400));
        LabourerProfile neither = labourer(3, upTo(Reach.COUNTY));
        assertThat(reasonKinds(earning, COUNTY_SEAT)).contains(MatchReasonKind.WAGE_ABOVE_CURRENT);
        assertThat(reasonKinds(earning, SAME_TOWNSHIP)).contains(MatchReasonKind.WAGE_NOT_ABOVE_CURRENT);
        assertThat(reasonKinds(wishing, SAME_TOWNSHIP)).contains(MatchReasonKind.WAGE_MEETS_WISH);
        assertThat(reasonKinds(neither, SAME_TOWNSHIP))
                .containsExactly(
                        MatchReasonKind.WITHIN_REACH,
                        MatchReasonKind.ANY_KIND_WISHED,
                        MatchReasonKind.WAGE_OFFERED,
                        MatchReasonKind.NO_SKILL_NEEDED);
        assertThat(JobMatcher.match(earning, COUNTY_SEAT, DAY).orElseThrow().reasons())
                .contains(new MatchReason.Distance(Reach.COUNTY), new MatchReason.Wage(3000, 2800, null));
    }

    private static List<MatchReasonKind> reasonKinds(LabourerProfile labourer, OpenPosting posting) {
        return JobMatcher.match(labourer, posting, DAY).orElseThrow().reasons().stream()
                .map(MatchReason::kind)
                .toList();
    }

    @Test
    void aPostingsLabourersComeNearerFirstThenByWageGainThenById() {
        LabourerProfile outOfWork = labourer(3, HOME, upTo(Reach.COUNTY), Set.of(), null);
        LabourerProfile earning = labourer(1, HOME, upTo(Reach.COUNTY), Set.of(), 2000);
        LabourerProfile earningToo = labourer(2, HOME, upTo(Reach.COUNTY), Set.of(), 2000);
        LabourerProfile otherTownship = labourer(
                4, org.bulwark.core.region.RegionCode.parse("522324105201"), upTo(Reach.COUNTY), Set.of(), null);
        List<Match> matches =
                JobMatcher.labourersFor(SAME_TOWNSHIP, List.of(otherTownship, earningToo, earning, outOfWork), DAY, 10);
        assertThat(matches).extracting(m -> m.labourer().personId()).containsExactly(3L, 1L, 2L, 4L);
    }
}
