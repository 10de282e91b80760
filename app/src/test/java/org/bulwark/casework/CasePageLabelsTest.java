package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.SwitchableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case page names people and lateness as a county office reads them (issue 14, items 16 and 17): who decided a
 * step and who attached a file by name and role, not by login; a step begun today in a case late as a whole is not
 * "escalated", only a step past its own limit is.
 */
@DatabaseTest
class CasePageLabelsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** The smallest PNG: a file the attachment check accepts. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Cases cases;

    @Autowired
    CaseAttachments attachments;

    @Autowired
    SwitchableClock clock;

    BulwarkUser named(Role role, String region, String displayName) {
        String username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, TestFixtures.PASSWORD, displayName, role, region);
        return accounts.find(username).orElseThrow();
    }

    String casePage(long caseId, BulwarkUser reader, LocalDate day) throws Exception {
        try (var fixed = clock.at(day)) {
            return mvc.perform(get("/cases/" + caseId).with(user(reader)).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }
    }

    @Test
    void stepsAndAttachmentsNamePeopleAndLatenessIsRightPerStep() throws Exception {
        BulwarkUser cadre = named(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A, "张村干");
        BulwarkUser county = named(Role.COUNTY_APPROVER, TestFixtures.COUNTY, "王审批");
        long household =
                fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        long caseId;
        try (var fixed = clock.at(DAY)) {
            // discovered 20 days ago, verified today: the case is past its 15 days, the new step is not late
            SupportCase c = fixtures.as(
                    cadre,
                    () -> cases.open(new OpenCaseInput(
                            household,
                            Channel.GRASSROOTS_VISIT,
                            null,
                            DAY.minusDays(20),
                            Set.of(RiskType.ILLNESS),
                            "found late")));
            SupportCase v = fixtures.as(
                    cadre,
                    () -> cases.recordVerification(
                            c.id(),
                            c.version(),
                            new VerificationInput(
                                    true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
            fixtures.as(cadre, () -> attachments.add(c.id(), "承诺书.png", PNG));
            fixtures.as(cadre, () -> cases.decide(v.id(), v.version(), Decision.PASS, "ok", 0));
            caseId = c.id();
        }

        String today = casePage(caseId, county, DAY);
        assertThat(today).contains("张村干 · 村干部/网格员").contains("承诺书.png").doesNotContain(cadre.getUsername());
        assertThat(today).contains("案件已超过办结时限（" + DAY.minusDays(5) + "）").doesNotContain("已升级至");

        // the county's data comparison may take 2 days: after that the step itself is late and goes up a level
        assertThat(casePage(caseId, county, DAY.plusDays(3))).contains("已升级至市级");
    }
}
