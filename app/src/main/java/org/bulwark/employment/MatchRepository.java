package org.bulwark.employment;

import java.time.LocalDate;
import java.util.List;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The candidates of a match, narrowed in SQL by region prefix and the hard limits an index can serve; the core's
 * {@code JobMatcher} then decides and ranks, so SQL never has to agree with the rules to the last detail.
 */
@Repository
class MatchRepository {

    private final JdbcClient jdbc;

    MatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The best {@code limit} postings open on {@code day} whose place starts with {@code within}, that a labourer
     * may take, in the core's order for a labourer (docs/employment.md, "Ranking"): a labourer who would go anywhere
     * in a province has tens of thousands of candidates there, so PostgreSQL ranks them and sends only the best. The
     * core decides and ranks those again; every hard limit is in the filter, so they are its best too.
     */
    List<Posting> postingsFor(LabourerProfile labourer, String within, LocalDate day, int limit) {
        String home = labourer.home().value();
        return jdbc.sql(PostingRepository.SELECT + """
                where p.state = 'OPEN' and p.openings > 0 and p.region_code like :within
                  and p.open_from <= :day and (p.open_to is null or p.open_to >= :day)
                  and p.skills <@ cast(:skills as text[])
                  and (cardinality(cast(:kinds as text[])) = 0 or p.work_kind = any(cast(:kinds as text[])))
                  and (cast(:minWage as integer) is null or round(p.monthly_wage) >= cast(:minWage as integer))
                order by case when p.region_code = :home then 0 when p.region_code like :township then 1
                              when p.region_code like :county then 2 when p.region_code like :prefecture then 3
                              when p.region_code like :province then 4 else 5 end,
                         round(p.monthly_wage) desc, cardinality(p.skills) desc, p.id
                limit :limit
                """)
                .param("within", within + "%")
                .param("day", day)
                .param("skills", LabourerRow.names(List.copyOf(labourer.skills())))
                .param("kinds", LabourerRow.names(List.copyOf(labourer.wishes().kinds())))
                .param("minWage", labourer.wishes().minMonthlyWage())
                .param("home", home)
                .param("township", home.substring(0, 9) + "%")
                .param("county", home.substring(0, 6) + "%")
                .param("prefecture", home.substring(0, 4) + "%")
                .param("province", home.substring(0, 2) + "%")
                .param("limit", limit)
                .query(PostingRepository.ROW)
                .list();
    }

    /**
     * Labourers of the user's region ({@code scope}) for whom the posting's place lies within their wished reach
     * (an unsaid reach is the county), who hold its skills and wish its kind and wage.
     */
    List<LabourerListing> labourersFor(OpenPosting posting, String scope) {
        String place = posting.place().value();
        return jdbc.sql(LabourerRepository.LISTING + """
                where l.village_code like :scope
                  and (l.wish_reach = 'ANYWHERE'
                    or (l.wish_reach = 'PROVINCE' and l.village_code like :province)
                    or (l.wish_reach = 'PREFECTURE' and l.village_code like :prefecture)
                    or (coalesce(l.wish_reach, 'COUNTY') = 'COUNTY' and l.village_code like :county)
                    or (l.wish_reach = 'TOWNSHIP' and l.village_code like :township)
                    or (l.wish_reach = 'VILLAGE' and l.village_code = :village))
                  and l.skills @> cast(:skills as text[])
                  and (cardinality(l.wish_kinds) = 0 or :kind = any(l.wish_kinds))
                  and (l.wish_min_wage is null or l.wish_min_wage <= :wage)
                """)
                .param("scope", scope + "%")
                .param("province", place.substring(0, 2) + "%")
                .param("prefecture", place.substring(0, 4) + "%")
                .param("county", place.substring(0, 6) + "%")
                .param("township", place.substring(0, 9) + "%")
                .param("village", place)
                .param("skills", LabourerRow.names(List.copyOf(posting.requiredSkills())))
                .param("kind", posting.kind().name())
                .param("wage", posting.monthlyWage())
                .query(LabourerRepository.LISTING_ROW)
                .list();
    }

    /** The labourers of a household within the user's region. */
    List<LabourerListing> household(long householdId, String scope) {
        return jdbc.sql(LabourerRepository.LISTING
                        + " where l.household_id = :household and l.village_code like :scope order by l.person_id")
                .param("household", householdId)
                .param("scope", scope + "%")
                .query(LabourerRepository.LISTING_ROW)
                .list();
    }
}
