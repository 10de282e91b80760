package org.bulwark.core.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.employment.Jobs.DAY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.core.generate.employment.MatchingWorkload;
import org.junit.jupiter.api.Test;

class ProvinceMatchingTest {

    private static final int TOP = 5;

    /** A small random province, with some labourers twice (another id and wage): same village, wish and skills. */
    private static MatchingWorkload province(long seed) {
        MatchingWorkload w = MatchingWorkload.generate(4_000, 1_500, seed, DAY);
        List<LabourerProfile> labourers = new ArrayList<>(w.labourers());
        for (LabourerProfile l : w.labourers().subList(0, 500)) {
            labourers.add(new LabourerProfile(
                    l.personId() + 1_000_000,
                    l.householdId(),
                    l.home(),
                    l.skills(),
                    l.monthlyWage() == null ? 2500 : null,
                    l.wishes(),
                    l.capacity()));
        }
        return new MatchingWorkload(w.shape(), labourers, w.postings());
    }

    private static Map<Long, List<Match>> bulk(
            List<LabourerProfile> labourers, List<OpenPosting> postings, int threads) {
        Map<Long, List<Match>> out = new ConcurrentHashMap<>();
        ProvinceMatching.Outcome outcome = ProvinceMatching.run(
                labourers, PostingIndex.build(postings, DAY), TOP, threads, (l, m) -> out.put(l.personId(), m));
        assertThat(outcome.labourers()).isEqualTo(labourers.size());
        assertThat(outcome.matches())
                .isEqualTo(out.values().stream().mapToLong(List::size).sum());
        return out;
    }

    @Test
    void theProvincesMatchesAreThoseOfMatchingEachLabourerAlone() {
        for (long seed : new long[] {1, 2, 3}) {
            MatchingWorkload w = province(seed);
            Map<Long, List<Match>> bulk = bulk(w.labourers(), w.postings(), 3);
            long nonEmpty = 0;
            for (LabourerProfile l : w.labourers()) {
                List<Match> alone = JobMatcher.postingsFor(l, w.postings(), DAY, TOP);
                assertThat(bulk.get(l.personId()))
                        .as("labourer %d", l.personId())
                        .isEqualTo(alone);
                nonEmpty += alone.isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty)
                    .as("the test province must have matches to compare")
                    .isGreaterThan(1_000);
        }
    }

    @Test
    void theIndexAgreesWithTheMatcherForEveryLimit() {
        MatchingWorkload w = province(4);
        PostingIndex index = PostingIndex.build(w.postings(), DAY);
        for (LabourerProfile l : w.labourers().subList(0, 300)) {
            for (int limit : new int[] {1, 3, 50}) {
                assertThat(index.postingsFor(l, limit)).isEqualTo(JobMatcher.postingsFor(l, w.postings(), DAY, limit));
            }
        }
    }

    @Test
    void theSameInputInAnotherOrderOrOnOtherThreadsGivesTheSameMatches() {
        MatchingWorkload w = province(5);
        Map<Long, List<Match>> first = bulk(w.labourers(), w.postings(), 1);
        List<LabourerProfile> labourers = new ArrayList<>(w.labourers());
        List<OpenPosting> postings = new ArrayList<>(w.postings());
        Collections.shuffle(labourers, new Random(9));
        Collections.shuffle(postings, new Random(9));
        assertThat(bulk(labourers, postings, 4)).isEqualTo(first);
    }

    @Test
    void noLabourerIsMatchedBeyondTheirWishedReach() {
        MatchingWorkload w = province(6);
        bulk(w.labourers(), w.postings(), 2).forEach((person, matches) -> {
            for (Match m : matches) {
                assertThat(Reach.between(m.labourer().home(), m.posting().place()))
                        .isEqualTo(m.reach())
                        .matches(r -> r.within(m.labourer().wishes().farthest()));
            }
        });
    }

    @Test
    void theWorkloadIsTheSameForTheSameSeed() {
        MatchingWorkload a = MatchingWorkload.generate(2_000, 300, 11, DAY);
        MatchingWorkload b = MatchingWorkload.generate(2_000, 300, 11, DAY);
        assertThat(a.labourers()).isEqualTo(b.labourers());
        assertThat(a.postings()).isEqualTo(b.postings());
        assertThat(a.shape().villages())
                .hasSizeGreaterThan(10_000)
                .isEqualTo(b.shape().villages());
    }
}
