package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditSentences;
import org.bulwark.audit.AuditTexts;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The system and security administrators look after the accounts of their subtree only, never grant a role above
 * the level of their region, and every change is checked whole before anything is stored, and audited (what each of
 * them may not do: {@link SeparationOfDutiesTest}).
 */
@DatabaseTest
class UserAdministrationTest {

    static final String GUIZHOU = "520000000000";
    static final String QIANXINAN = "522300000000";
    static final String GUIYANG_COUNTY = "520102000000";
    static final String KUNMING_COUNTY = "530102000000";
    static final String NEW_PASSWORD = "Qinglong#2027";

    @Autowired
    UserAdministration users;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTexts texts;

    @Autowired
    JdbcClient jdbc;

    /** The prefecture's system administrator (accounts) and security administrator (roles and regions). */
    BulwarkUser prefecture;

    BulwarkUser security;

    @BeforeEach
    void setUp() {
        prefecture = fixtures.user(Role.SYSTEM_ADMIN, QIANXINAN);
        security = fixtures.user(Role.SECURITY_ADMIN, QIANXINAN);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000_000L;
    }

    private NewUser newUser(String username, String region) {
        return new NewUser(username, "新用户", null, region, null, NEW_PASSWORD, NEW_PASSWORD);
    }

    private long created(String username, String region) {
        return fixtures.as(prefecture, () -> users.create(newUser(username, region)));
    }

    private boolean stored(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void listsOnlyTheAccountsOfTheSubtree() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser guiyang = fixtures.user(Role.COUNTY_APPROVER, GUIYANG_COUNTY);
        BulwarkUser kunming = fixtures.user(Role.COUNTY_APPROVER, KUNMING_COUNTY);

        UserPage page = fixtures.as(prefecture, () -> users.list(new UserFilter(null, null, null, 0, 200)));
        List<String> names = page.users().stream().map(UserAccount::username).toList();
        assertThat(page.users()).allSatisfy(u -> assertThat(u.regionCode()).startsWith("5223"));
        assertThat(names).contains(cadre.getUsername()).doesNotContain(guiyang.getUsername(), kunming.getUsername());

        UserPage village = fixtures.as(
                prefecture, () -> users.list(new UserFilter(TestFixtures.VILLAGE_A, "VILLAGE_CADRE", null, 0, 50)));
        assertThat(village.users()).extracting(UserAccount::username).contains(cadre.getUsername());
        assertThat(village.users()).allSatisfy(u -> {
            assertThat(u.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
            assertThat(u.role()).isEqualTo(Role.VILLAGE_CADRE);
        });
        assertThatThrownBy(() ->
                        fixtures.as(prefecture, () -> users.list(new UserFilter(GUIYANG_COUNTY, null, null, 0, 50))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("region:unknown_region"));
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.get(guiyang.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
                    users.disable(kunming.id());
                    return null;
                }))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(
                                fixtures.user(Role.SECURITY_ADMIN, GUIZHOU),
                                () -> users.list(new UserFilter(GUIYANG_COUNTY, null, null, 0, 50)))
                        .users())
                .extracting(UserAccount::username)
                .contains(guiyang.getUsername());
    }

    @Test
    void rolesWithoutTheRightToManageUsersAreRefused() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        assertThatThrownBy(() -> fixtures.as(county, () -> users.list(new UserFilter(null, null, null, 0, 10))))
                .isInstanceOf(AccessDeniedException.class);
        String username = unique("by-county");
        assertThatThrownBy(() -> fixtures.as(county, () -> users.create(newUser(username, TestFixtures.VILLAGE_A))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored(username)).isFalse();
    }

    @Test
    void createsAnAccountInTheSubtreeThatMustChangeItsPassword() {
        String username = unique("cadre");
        long id = created(username, TestFixtures.VILLAGE_B);
        UserAccount account = fixtures.as(prefecture, () -> users.get(id));
        assertThat(account.role()).isEqualTo(Role.UNASSIGNED);
        assertThat(account.regionCode()).isEqualTo(TestFixtures.VILLAGE_B);
        assertThat(account.regionName()).startsWith("兴合村");
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.enabled()).isTrue();
    }

    @Test
    void aRegionOutsideTheSubtreeIsRefusedWithTheFieldNamedAndNothingStored() {
        String username = unique("outside");
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(newUser(username, GUIYANG_COUNTY))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:unknown_region"));
        assertThat(stored(username)).isFalse();
    }

    @Test
    void aRoleAboveTheAdministratorsOwnIsRefusedWithTheFieldNamedAndNothingStored() {
        long id = created(unique("higher"), QIANXINAN);
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(id, new UserChange(null, "PROVINCE_ADMIN", QIANXINAN, null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role:role_too_high"));
        assertThat(fixtures.as(security, () -> users.get(id)).role()).isEqualTo(Role.UNASSIGNED);
        assertThat(fixtures.as(security, users::grantableRoles))
                .doesNotContain(Role.PROVINCE_ADMIN)
                .contains(Role.PREFECTURE_ADMIN, Role.VILLAGE_CADRE);
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, GUIZHOU);
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
                    users.disable(province.id());
                    return null;
                }))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void weakPasswordsAreRefusedEachWithItsReason() {
        String username = unique("weak");
        record Case(String password, String code) {}
        for (Case c : List.of(
                new Case("Ab1!", "password:password_too_short"),
                new Case("abcdefgh12", "password:password_complexity"),
                new Case("P@ssw0rd", "password:password_common"),
                new Case("X" + username + "1!", "password:password_contains_username"),
                new Case("", "password:required"))) {
            assertThatThrownBy(() -> fixtures.as(
                            prefecture,
                            () -> users.create(new NewUser(
                                    username, "弱密码", null, TestFixtures.VILLAGE_A, null, c.password(), c.password()))))
                    .as(c.password())
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(fields(e)).contains(c.code()));
        }
        assertThatThrownBy(() -> fixtures.as(
                        prefecture,
                        () -> users.create(new NewUser(
                                username,
                                "两次不同",
                                null,
                                TestFixtures.VILLAGE_A,
                                null,
                                NEW_PASSWORD,
                                NEW_PASSWORD + "x"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("passwordConfirmation:password_mismatch"));
        assertThat(stored(username)).isFalse();
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> fixtures.as(
                        prefecture,
                        () -> users.create(new NewUser("x!", " ", null, "abc", null, NEW_PASSWORD, NEW_PASSWORD))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder(
                                        "username:username_format", "displayName:required", "regionCode:region_code"));
        String officer = unique("officer");
        long id = created(officer, TestFixtures.COUNTY);
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(id, new UserChange(null, "COUNTY_APPROVER", TestFixtures.VILLAGE_A, null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:region_level"));
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(id, new UserChange(null, "DEPARTMENT_OFFICER", TestFixtures.COUNTY, null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("department:required"));
        fixtures.as(security, () -> {
            users.update(id, new UserChange(null, "DEPARTMENT_OFFICER", TestFixtures.COUNTY, "civil_affairs"));
            return null;
        });
        assertThat(fixtures.as(prefecture, () -> users.get(id)).department()).isEqualTo("civil_affairs");
        assertThatThrownBy(() -> fixtures.as(
                        prefecture, () -> users.create(newUser(officer.toUpperCase(), TestFixtures.VILLAGE_A))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("username:username_taken"));
    }

    @Test
    void aRefusedChangeLeavesTheAccountAsItWas() {
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(helper.id(), new UserChange(null, "COUNTY_APPROVER", GUIYANG_COUNTY, null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:unknown_region"));
        UserAccount after = fixtures.as(security, () -> users.get(helper.id()));
        assertThat(after.displayName()).isEqualTo(helper.displayName());
        assertThat(after.role()).isEqualTo(Role.HELPER);
        assertThat(after.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
    }

    @Test
    void anAdministratorCannotDisableOrDemoteThemselves() {
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
                    users.disable(prefecture.id());
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("user:own_account"));
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(security.id(), new UserChange(null, "LEADER", QIANXINAN, null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role:own_account"));
        assertThatThrownBy(() -> fixtures.as(security, () -> {
                    users.update(security.id(), new UserChange(null, "SECURITY_ADMIN", "abc", null));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder("regionCode:region_code", "role:own_account"));
        fixtures.as(prefecture, () -> {
            users.update(prefecture.id(), new UserChange("赵管理（改名）", "SYSTEM_ADMIN", QIANXINAN, null));
            return null;
        });
        assertThat(fixtures.as(prefecture, () -> users.get(prefecture.id())).displayName())
                .isEqualTo("赵管理（改名）");
        assertThat(fixtures.as(prefecture, () -> users.get(prefecture.id())).enabled())
                .isTrue();
    }

    @Test
    void everyChangeWritesAnAuditEntryWithoutThePassword() {
        String username = unique("audited");
        long id = created(username, TestFixtures.VILLAGE_A);
        fixtures.as(security, () -> {
            users.update(id, new UserChange(null, "TOWNSHIP_REVIEWER", TestFixtures.TOWNSHIP, null));
            return null;
        });
        fixtures.as(prefecture, () -> {
            users.disable(id);
            users.enable(id);
            return null;
        });
        fixtures.as(security, () -> {
            users.unlock(id);
            return null;
        });
        fixtures.as(prefecture, () -> {
            users.resetPassword(id, "Another#Pass9", "Another#Pass9");
            return null;
        });
        List<AuditEntry> entries = audit.recent(RegionScope.nationwide(), "user", String.valueOf(id), 20);
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(
                        AuditAction.UPDATE,
                        AuditAction.UPDATE,
                        AuditAction.UPDATE,
                        AuditAction.UPDATE,
                        AuditAction.UPDATE,
                        AuditAction.CREATE);
        assertThat(AuditSentences.chinese(texts, entries))
                .containsExactly(
                        "账户 " + username + "：重置密码",
                        "账户 " + username + "：解除锁定",
                        "账户 " + username + "：启用",
                        "账户 " + username + "：停用",
                        "账户 " + username + "：修改角色、区划或部门",
                        "创建账户 " + username);
        assertThat(entries)
                .extracting(AuditEntry::username)
                .containsExactly(
                        prefecture.getUsername(),
                        security.getUsername(),
                        prefecture.getUsername(),
                        prefecture.getUsername(),
                        security.getUsername(),
                        prefecture.getUsername());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.regionCode()).startsWith("522324101");
            assertThat(String.valueOf(e.before()) + e.after()).doesNotContain(NEW_PASSWORD, "Another#Pass9", "bcrypt");
        });
        AuditEntry profile = entries.get(4);
        assertThat(profile.before()).contains("UNASSIGNED").contains(TestFixtures.VILLAGE_A);
        assertThat(profile.after()).contains("TOWNSHIP_REVIEWER").contains(TestFixtures.TOWNSHIP);
    }
}
