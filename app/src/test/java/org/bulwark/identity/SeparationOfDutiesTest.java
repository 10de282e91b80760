package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.casework.Cases;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.Registry;
import org.bulwark.screening.Warnings;
import org.bulwark.statistics.Dashboard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The separation of duties (三权分立, MLPS 2.0 level 3): the system administrator looks after accounts, the security
 * administrator gives roles and regions, the audit administrator reads the audit log; none can do another's work or
 * read households — refused in the services, whatever page or API asks.
 */
@DatabaseTest
class SeparationOfDutiesTest {

    static final String QIANXINAN = "522300000000";
    static final String GUIZHOU = "520000000000";
    static final String PASSWORD = "Qinglong#2027";

    @Autowired
    UserAdministration users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    Warnings warnings;

    @Autowired
    Cases cases;

    @Autowired
    Dashboard dashboard;

    @Autowired
    AuditLog audit;

    @Autowired
    MockMvc mvc;

    BulwarkUser sysadmin;
    BulwarkUser secadmin;
    BulwarkUser auditor;

    @BeforeEach
    void setUp() {
        sysadmin = fixtures.user(Role.SYSTEM_ADMIN, QIANXINAN);
        secadmin = fixtures.user(Role.SECURITY_ADMIN, QIANXINAN);
        auditor = fixtures.user(Role.AUDIT_ADMIN, QIANXINAN);
    }

    private long newAccount() {
        String username = "sod-" + System.nanoTime() % 10_000_000_000L;
        return fixtures.as(
                sysadmin,
                () -> users.create(
                        new NewUser(username, "新账号", null, TestFixtures.VILLAGE_A, null, PASSWORD, PASSWORD)));
    }

    private void run(BulwarkUser user, Runnable action) {
        fixtures.as(user, () -> {
            action.run();
            return null;
        });
    }

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void theSystemAdministratorCreatesAnAccountWithoutARoleThatCannotSignInUntilGranted() {
        long id = newAccount();
        UserAccount created = fixtures.as(sysadmin, () -> users.get(id));
        assertThat(created.role()).isEqualTo(Role.UNASSIGNED);
        assertThat(accounts.find(created.username()).orElseThrow().isEnabled()).isFalse();

        run(secadmin, () -> users.update(id, new UserChange(null, "VILLAGE_CADRE", TestFixtures.VILLAGE_A, null)));
        assertThat(accounts.find(created.username()).orElseThrow().isEnabled()).isTrue();
        assertThat(accounts.find(created.username()).orElseThrow().role()).isEqualTo(Role.VILLAGE_CADRE);
        List<AuditEntry> trail = audit.recent(RegionScope.nationwide(), "user", String.valueOf(id), 5);
        assertThat(trail.get(0).username()).isEqualTo(secadmin.getUsername());
        assertThat(trail.get(0).before()).contains("UNASSIGNED");
        assertThat(trail.get(0).after()).contains("VILLAGE_CADRE");
        assertThat(trail.get(1).username()).isEqualTo(sysadmin.getUsername());
    }

    @Test
    void theSystemAdministratorCannotGiveRolesRegionsOrLiftLockouts() {
        assertThatThrownBy(() -> fixtures.as(
                        sysadmin,
                        () -> users.create(new NewUser(
                                "sod-role-" + System.nanoTime() % 1_000_000,
                                "带角色",
                                "COUNTY_APPROVER",
                                TestFixtures.COUNTY,
                                null,
                                PASSWORD,
                                PASSWORD))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("role:separation_of_duties"));
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> run(
                        sysadmin,
                        () -> users.update(
                                helper.id(), new UserChange(null, "COUNTY_APPROVER", TestFixtures.COUNTY, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("role:separation_of_duties"));
        assertThatThrownBy(() -> run(
                        sysadmin,
                        () -> users.update(helper.id(), new UserChange(null, null, TestFixtures.VILLAGE_B, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("role:separation_of_duties"));
        assertThatThrownBy(() -> run(sysadmin, () -> users.unlock(helper.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(sysadmin, users::grantableRoles)).isEmpty();
        assertThat(accounts.find(helper.getUsername()).orElseThrow().role()).isEqualTo(Role.HELPER);
        // its own part works
        run(sysadmin, () -> users.update(helper.id(), new UserChange("改名帮扶人", null, null, null)));
        run(sysadmin, () -> users.disable(helper.id()));
        assertThat(fixtures.as(sysadmin, () -> users.get(helper.id())).displayName())
                .isEqualTo("改名帮扶人");
    }

    @Test
    void theSecurityAdministratorCannotCreateRenameDisableOrResetPasswords() {
        long id = newAccount();
        assertThatThrownBy(() -> fixtures.as(
                        secadmin,
                        () -> users.create(new NewUser(
                                "sod-sec-" + System.nanoTime() % 1_000_000,
                                "安全建号",
                                null,
                                TestFixtures.VILLAGE_A,
                                null,
                                PASSWORD,
                                PASSWORD))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(secadmin, () -> users.disable(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(secadmin, () -> users.enable(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(secadmin, () -> users.resetPassword(id, "Another#Pass9", "Another#Pass9")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(secadmin, () -> users.update(id, new UserChange("改名", null, null, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("displayName:separation_of_duties"));
        assertThat(fixtures.as(secadmin, () -> users.get(id)).displayName()).isEqualTo("新账号");
        assertThat(fixtures.as(secadmin, users::grantableRoles))
                .contains(Role.PREFECTURE_ADMIN, Role.VILLAGE_CADRE, Role.AUDIT_ADMIN)
                .doesNotContain(Role.PROVINCE_ADMIN, Role.UNASSIGNED);
    }

    @Test
    void theAuditAdministratorReadsTheAuditLogAndNothingElse() throws Exception {
        long id = newAccount();
        assertThatThrownBy(() -> fixtures.as(auditor, () -> users.list(new UserFilter(null, null, null, 0, 10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(auditor, () -> users.get(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(
                        auditor,
                        () -> users.update(id, new UserChange(null, "VILLAGE_CADRE", TestFixtures.VILLAGE_A, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(
                        auditor,
                        () -> users.create(new NewUser(
                                "sod-aud-" + System.nanoTime() % 1_000_000,
                                "审计建号",
                                null,
                                TestFixtures.VILLAGE_A,
                                null,
                                PASSWORD,
                                PASSWORD))))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/api/v1/audit").with(httpBasic(auditor.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/audit").with(user(auditor))).andExpect(status().isOk());
        for (BulwarkUser other : List.of(sysadmin, secadmin)) {
            mvc.perform(get("/api/v1/audit").with(httpBasic(other.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/users").with(httpBasic(auditor.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void noneOfTheThreeReadsHouseholds() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        long householdId = household.household().id();
        for (BulwarkUser admin : List.of(sysadmin, secadmin, auditor)) {
            List<Supplier<Object>> reads = List.of(
                    () -> registry.file(householdId),
                    () -> registry.search(new HouseholdSearch(null, null, null, 0, 10)),
                    () -> warnings.list(null, false, null, 10),
                    () -> cases.list(null, null, null, null, false, 10),
                    () -> dashboard.view(null, null, Locale.CHINA));
            for (Supplier<Object> read : reads) {
                assertThatThrownBy(() -> fixtures.as(admin, read))
                        .as(admin.role().name())
                        .isInstanceOf(AccessDeniedException.class);
            }
            mvc.perform(get("/api/v1/households/" + householdId)
                            .with(httpBasic(admin.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/households").with(httpBasic(admin.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        // the business administrators of a province keep reading them
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, GUIZHOU);
        assertThat(fixtures.as(province, () -> registry.file(householdId))
                        .household()
                        .id())
                .isEqualTo(householdId);
    }

    @Test
    void noPrivilegedAdministratorLooksAfterAPeerOfTheirOwnLevel() {
        BulwarkUser provinceSys = fixtures.user(Role.SYSTEM_ADMIN, GUIZHOU);
        BulwarkUser provinceAuditor = fixtures.user(Role.AUDIT_ADMIN, GUIZHOU);
        BulwarkUser provinceSec = fixtures.user(Role.SECURITY_ADMIN, GUIZHOU);
        // the province's system administrator cannot take over the province's auditor by a new password
        assertThatThrownBy(() -> run(
                        provinceSys, () -> users.resetPassword(provinceAuditor.id(), "Another#Pass9", "Another#Pass9")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role:role_too_high"));
        // nor the prefecture's security administrator make someone a security administrator of the prefecture
        long id = newAccount();
        assertThatThrownBy(() ->
                        run(secadmin, () -> users.update(id, new UserChange(null, "SECURITY_ADMIN", QIANXINAN, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role:role_too_high"));
        // the province's security administrator may, for the prefecture below
        run(provinceSec, () -> users.update(id, new UserChange(null, "AUDIT_ADMIN", QIANXINAN, null)));
        assertThat(fixtures.as(provinceSec, () -> users.get(id)).role()).isEqualTo(Role.AUDIT_ADMIN);
        // and the province's system administrator may reset the prefecture auditor's password
        run(provinceSys, () -> users.resetPassword(auditor.id(), "Another#Pass9", "Another#Pass9"));
    }

    @Test
    void theProvinceAndPrefectureBusinessAdministratorsNoLongerLookAfterAccounts() {
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, GUIZHOU);
        BulwarkUser prefecture = fixtures.user(Role.PREFECTURE_ADMIN, QIANXINAN);
        for (BulwarkUser admin : List.of(province, prefecture)) {
            assertThatThrownBy(() -> fixtures.as(admin, () -> users.list(new UserFilter(null, null, null, 0, 10))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(
                            admin,
                            () -> users.create(new NewUser(
                                    "sod-biz-" + System.nanoTime() % 1_000_000,
                                    "业务建号",
                                    null,
                                    TestFixtures.VILLAGE_A,
                                    null,
                                    PASSWORD,
                                    PASSWORD))))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
