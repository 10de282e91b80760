package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.casework.Cases;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.PlanReferrals;
import org.bulwark.casework.SupportPlans;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An employment measure of a household's plan links to the referral that carries it out: the plan shows the
 * referral's posting and state, the referral's card links back to the plan; only employment measures link, and only
 * to the household's own referrals.
 */
@DatabaseTest
class PlanReferralLinkTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    Employers employers;

    @Autowired
    Postings postings;

    @Autowired
    Referrals referrals;

    @Autowired
    Cases cases;

    @Autowired
    SupportPlans plans;

    @Autowired
    PlanReferrals planReferrals;

    @Autowired
    MockMvc mvc;

    @Test
    void anEmploymentMeasureShowsItsReferralAndTheReferralLeadsBackToThePlan() throws Exception {
        String village = TestFixtures.VILLAGE_A;
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        BulwarkUser office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
        HouseholdFile file = households.household(
                cadre, village, "FORMERLY_POOR", List.of(households.member(30, false, "ABLE", "HEAD")));
        HouseholdFile other = households.household(
                cadre, village, "FORMERLY_POOR", List.of(households.member(31, false, "ABLE", "HEAD")));
        long household = file.household().id();
        fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household,
                        Channel.GRASSROOTS_VISIT,
                        null,
                        LocalDate.now(),
                        Set.of(RiskType.UNSTABLE_EMPLOYMENT),
                        "失业")));
        PlanMeasure employment = measure(cadre, household, MeasureCategory.EMPLOYMENT);
        PlanMeasure training = measure(cadre, household, MeasureCategory.INDUSTRY);
        Employer workshop = fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(village)));
        Posting posting = fixtures.as(
                office,
                () -> postings.create(new PostingInput(
                        workshop.id(),
                        "缝纫工",
                        village,
                        "MANUFACTURING",
                        List.of(),
                        new BigDecimal("2600"),
                        40,
                        3,
                        LocalDate.now().minusDays(1),
                        null,
                        null,
                        0)));
        long person = file.members().get(0).id();
        Referral referral = fixtures.as(cadre, () -> referrals.propose(person, posting.id()));
        Referral stranger = fixtures.as(
                cadre, () -> referrals.propose(other.members().get(0).id(), posting.id()));

        assertThat(fixtures.as(cadre, () -> planReferrals.link(employment.id(), referral.id())))
                .hasValueSatisfying(r -> assertThat(r.planMeasureId()).isEqualTo(employment.id()));
        assertThat(fixtures.as(cadre, () -> planReferrals.byMeasure(household))
                        .get(employment.id())
                        .id())
                .isEqualTo(referral.id());
        // only an employment measure, only the household's own referral
        assertThatThrownBy(() -> fixtures.as(cadre, () -> planReferrals.link(training.id(), referral.id())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fixtures.as(cadre, () -> planReferrals.link(employment.id(), stranger.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("referralId");

        String plan = mvc.perform(get("/households/{id}/casework", household).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(plan)
                .contains("data-test=\"measure-referral\"")
                .contains("缝纫工")
                .contains("已推荐");
        String card = mvc.perform(get("/employment/labourers/{id}", person).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("/households/" + household + "/casework#measure-" + employment.id());

        // an empty choice on the page unlinks
        mvc.perform(post("/households/{id}/casework/measures/{m}/referral", household, employment.id())
                        .param("referralId", "")
                        .with(user(cadre))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(cadre, () -> referrals.referral(referral.id())).planMeasureId())
                .isNull();
    }

    private PlanMeasure measure(BulwarkUser cadre, long household, MeasureCategory category) {
        return fixtures.as(
                cadre,
                () -> plans.add(
                        household,
                        new MeasureInput(
                                category, RiskType.UNSTABLE_EMPLOYMENT, "人力资源和社会保障局", "就业帮扶", null, null, null)));
    }
}
