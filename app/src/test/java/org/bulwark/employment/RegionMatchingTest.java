package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.employment.JobMatcher;
import org.bulwark.core.employment.JobWishes;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching a whole region from the tables gives every labourer the same postings as the core's one-by-one matcher and
 * the labourer's page, and reads no labourer living outside the region.
 */
@DatabaseTest
class RegionMatchingTest {

    private static final int TOP = 5;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    Labourers labourers;

    @Autowired
    Employers employers;

    @Autowired
    Postings postings;

    @Autowired
    JobMatches jobMatches;

    @Autowired
    RegionMatching regionMatching;

    @Autowired
    JdbcClient jdbc;

    String village;
    String neighbour;
    BulwarkUser office;
    BulwarkUser cadre;
    Employer workshop;

    @BeforeEach
    void setUp() {
        // two villages of one township of Wangmo, drawn at random: the shared database's fixtures live in Qinglong
        List<String> villages = jdbc.sql("""
                select code from region
                where level = 'VILLAGE' and code like '522326%'
                  and substr(code, 1, 9) = (select substr(code, 1, 9) from region
                                            where level = 'VILLAGE' and code like '522326%'
                                            order by random() limit 1)
                order by code
                """).query(String.class).list();
        assertThat(villages).hasSizeGreaterThanOrEqualTo(2);
        village = villages.get(0);
        neighbour = villages.get(1);
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, "522326000000");
        cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        workshop = fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(village)));
    }

    @Test
    void everyLabourerOfTheRegionGetsTheCoresMatchesAndNoOneOutsideIsRead() {
        long driver = labourer(village, List.of("DRIVER"), "VILLAGE", List.of("LOGISTICS"), 2000);
        long anyWork = labourer(village, List.of(), "VILLAGE", List.of(), null);
        long wellPaid = labourer(village, List.of(), "VILLAGE", List.of("MANUFACTURING"), 3500);
        long stranger = labourer(neighbour, List.of(), "TOWNSHIP", List.of(), null);
        Posting withSkill = posting("LOGISTICS", List.of("DRIVER"), 3000);
        Posting plain = posting("LOGISTICS", List.of(), 2500);
        Posting factory = posting("MANUFACTURING", List.of(), 4000);
        Posting low = posting("LOGISTICS", List.of(), 1500);
        Posting welding = posting("CONSTRUCTION", List.of("WELDER"), 5000);
        List<Posting> mine = List.of(withSkill, plain, factory, low, welding);

        Map<Long, List<Long>> found = run(village);
        assertThat(found).containsKeys(driver, anyWork, wellPaid).doesNotContainKey(stranger);
        assertThat(found.get(driver)).containsExactly(withSkill.id(), plain.id());
        assertThat(found.get(anyWork)).containsExactly(factory.id(), plain.id(), low.id());
        assertThat(found.get(wellPaid)).containsExactly(factory.id());
        for (long person : List.of(driver, anyWork, wellPaid)) {
            assertThat(found.get(person)).isEqualTo(core(person, mine)).isEqualTo(page(person));
        }

        // the township holds the neighbour too, whose wish reaches the village's postings
        Map<Long, List<Long>> township = run(village.substring(0, 9));
        assertThat(township).containsKeys(driver, anyWork, wellPaid, stranger);
        assertThat(township.get(stranger)).isEqualTo(core(stranger, mine)).isEqualTo(page(stranger));
    }

    @Test
    void thePostingsReadReachAsFarAsTheFarthestWish() {
        RegionCode county = RegionCode.parse("522326");
        LabourerProfile near = profile(Reach.TOWNSHIP);
        assertThat(RegionMatching.postingsPrefix(county, List.of(near))).isEqualTo("522326");
        assertThat(RegionMatching.postingsPrefix(county, List.of(near, profile(Reach.PREFECTURE))))
                .isEqualTo("5223");
        assertThat(RegionMatching.postingsPrefix(RegionCode.parse("52"), List.of(profile(Reach.COUNTY))))
                .isEqualTo("52");
        assertThat(RegionMatching.postingsPrefix(county, List.of(profile(Reach.ANYWHERE))))
                .isEmpty();
    }

    /** The region's matches by labourer, as posting ids best first; only labourers with a match are keys. */
    private Map<Long, List<Long>> run(String region) {
        Map<Long, List<Long>> found = new ConcurrentHashMap<>();
        RegionMatching.Outcome outcome = regionMatching.run(
                RegionCode.parse(region),
                LocalDate.now(),
                TOP,
                2,
                (l, matches) -> found.put(l.personId(), ids(matches)));
        assertThat(outcome.labourers()).isEqualTo(found.size());
        found.values().removeIf(List::isEmpty);
        return found;
    }

    /** The core's one-by-one matcher on the labourer's and the test's postings' rows. */
    private List<Long> core(long person, List<Posting> mine) {
        LabourerProfile profile = MatchProfiles.of(
                fixtures.as(office, () -> labourers.labourer(person)).labourer());
        List<OpenPosting> open = mine.stream()
                .map(p -> MatchProfiles.of(fixtures.as(office, () -> postings.posting(p.id()))))
                .toList();
        return ids(JobMatcher.postingsFor(profile, open, LocalDate.now(), TOP));
    }

    /** What the labourer's page shows, cut to the run's number. */
    private List<Long> page(long person) {
        return fixtures.as(office, () -> jobMatches.forLabourer(person)).stream()
                .map(m -> m.posting().id())
                .limit(TOP)
                .toList();
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(m -> m.posting().id()).toList();
    }

    private static LabourerProfile profile(Reach reach) {
        return new LabourerProfile(
                1,
                1,
                RegionCode.parse("522326100201"),
                Set.of(),
                null,
                new JobWishes(reach, Set.of(), null),
                LabourCapacity.ABLE);
    }

    private long labourer(String home, List<String> skills, String reach, List<String> kinds, Integer minWage) {
        BulwarkUser villageCadre = home.equals(village) ? cadre : fixtures.user(Role.VILLAGE_CADRE, home);
        long person = households
                .household(villageCadre, home, "FORMERLY_POOR", List.of(households.member(35, false, "ABLE", "HEAD")))
                .members()
                .get(0)
                .id();
        Labourer l = fixtures.as(villageCadre, () -> labourers.labourer(person)).labourer();
        fixtures.as(
                villageCadre,
                () -> labourers.update(
                        person,
                        new LabourerInput(
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                skills,
                                null,
                                reach,
                                kinds,
                                minWage == null ? null : new BigDecimal(minWage),
                                "VISIT",
                                l.version())));
        return person;
    }

    private Posting posting(String kind, List<String> skills, int wage) {
        return fixtures.as(
                office,
                () -> postings.create(new PostingInput(
                        workshop.id(),
                        "岗位" + kind + wage,
                        village,
                        kind,
                        skills,
                        new BigDecimal(wage),
                        40,
                        3,
                        LocalDate.now().minusDays(3),
                        null,
                        null,
                        0)));
    }
}
