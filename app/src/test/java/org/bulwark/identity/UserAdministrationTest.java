package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Administrators look after the accounts of their subtree only, never grant a role above their own, and every
 * change is checked whole before anything is stored, and audited.
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
    JdbcClient jdbc;

    BulwarkUser prefecture;

    @BeforeEach
    void setUp() {
        prefecture = fixtures.user(Role.PREFECTURE_ADMIN, QIANXINAN);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000_000L;
    }

    private NewUser newUser(String username, Role role, String region) {
        return new NewUser(username, "新用户", role.name(), region, null, NEW_PASSWORD, NEW_PASSWORD);
    }

    private boolean stored(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Long.class).single() > 0;
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

        UserPage village = fixtures.as(prefecture,
                () -> users.list(new UserFilter(TestFixtures.VILLAGE_A, "VILLAGE_CADRE", null, 0, 50)));
        assertThat(village.users()).extracting(UserAccount::username).contains(cadre.getUsername());
        assertThat(village.users()).allSatisfy(u -> {
            assertThat(u.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
            assertThat(u.role()).isEqualTo(Role.VILLAGE_CADRE);
        });
        assertThatThrownBy(() -> fixtures.as(prefecture,
                () -> users.list(new UserFilter(GUIYANG_COUNTY, null, null, 0, 50))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("region:unknown_region"));
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.get(guiyang.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.disable(kunming.id());
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(fixtures.user(Role.PROVINCE_ADMIN, GUIZHOU),
                () -> users.list(new UserFilter(GUIYANG_COUNTY, null, null, 0, 50))).users())
                .extracting(UserAccount::username).contains(guiyang.getUsername());
    }

    @Test
    void rolesWithoutTheRightToManageUsersAreRefused() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        assertThatThrownBy(() -> fixtures.as(county, () -> users.list(new UserFilter(null, null, null, 0, 10))))
                .isInstanceOf(AccessDeniedException.class);
        String username = unique("by-county");
        assertThatThrownBy(() -> fixtures.as(county,
                () -> users.create(newUser(username, Role.HELPER, TestFixtures.VILLAGE_A))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored(username)).isFalse();
    }

    @Test
    void createsAnAccountInTheSubtreeThatMustChangeItsPassword() {
        String username = unique("cadre");
        long id = fixtures.as(prefecture, () -> users.create(newUser(username, Role.VILLAGE_CADRE,
                TestFixtures.VILLAGE_B)));
        UserAccount account = fixtures.as(prefecture, () -> users.get(id));
        assertThat(account.regionCode()).isEqualTo(TestFixtures.VILLAGE_B);
        assertThat(account.regionName()).startsWith("兴合村");
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.enabled()).isTrue();
    }

    @Test
    void aRegionOutsideTheSubtreeIsRefusedWithTheFieldNamedAndNothingStored() {
        String username = unique("outside");
        assertThatThrownBy(() -> fixtures.as(prefecture,
                () -> users.create(newUser(username, Role.COUNTY_APPROVER, GUIYANG_COUNTY))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:unknown_region"));
        assertThat(stored(username)).isFalse();
    }

    @Test
    void aRoleAboveTheAdministratorsOwnIsRefusedWithTheFieldNamedAndNothingStored() {
        String username = unique("higher");
        assertThatThrownBy(() -> fixtures.as(prefecture,
                () -> users.create(newUser(username, Role.PROVINCE_ADMIN, QIANXINAN))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("role:role_too_high"));
        assertThat(stored(username)).isFalse();
        assertThat(fixtures.as(prefecture, users::grantableRoles)).doesNotContain(Role.PROVINCE_ADMIN)
                .contains(Role.PREFECTURE_ADMIN, Role.VILLAGE_CADRE);
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, GUIZHOU);
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.disable(province.id());
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void weakPasswordsAreRefusedEachWithItsReason() {
        String username = unique("weak");
        record Case(String password, String code) {
        }
        for (Case c : List.of(new Case("Ab1!", "password:password_too_short"),
                new Case("abcdefgh12", "password:password_complexity"),
                new Case("P@ssw0rd", "password:password_common"),
                new Case("X" + username + "1!", "password:password_contains_username"),
                new Case("", "password:required"))) {
            assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(new NewUser(username, "弱密码",
                    "HELPER", TestFixtures.VILLAGE_A, null, c.password(), c.password()))))
                    .as(c.password())
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(fields(e)).contains(c.code()));
        }
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(new NewUser(username, "两次不同",
                "HELPER", TestFixtures.VILLAGE_A, null, NEW_PASSWORD, NEW_PASSWORD + "x"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("passwordConfirmation:password_mismatch"));
        assertThat(stored(username)).isFalse();
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(new NewUser("x!", " ",
                "COUNTY_APPROVER", TestFixtures.VILLAGE_A, null, NEW_PASSWORD, NEW_PASSWORD))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("username:username_format", "displayName:required",
                                "regionCode:region_level"));
        String officer = unique("officer");
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(new NewUser(officer, "专员",
                "DEPARTMENT_OFFICER", TestFixtures.COUNTY, null, NEW_PASSWORD, NEW_PASSWORD))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("department:required"));
        long id = fixtures.as(prefecture, () -> users.create(new NewUser(officer, "专员", "DEPARTMENT_OFFICER",
                TestFixtures.COUNTY, "civil_affairs", NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(fixtures.as(prefecture, () -> users.get(id)).department()).isEqualTo("civil_affairs");
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> users.create(newUser(officer.toUpperCase(),
                Role.HELPER, TestFixtures.VILLAGE_A))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("username:username_taken"));
    }

    @Test
    void aRefusedChangeLeavesTheAccountAsItWas() {
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.update(helper.id(), new UserChange("改名", "COUNTY_APPROVER", GUIYANG_COUNTY, null));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(fields(e)).containsExactly("regionCode:unknown_region"));
        UserAccount after = fixtures.as(prefecture, () -> users.get(helper.id()));
        assertThat(after.displayName()).isEqualTo(helper.displayName());
        assertThat(after.role()).isEqualTo(Role.HELPER);
        assertThat(after.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
    }

    @Test
    void anAdministratorCannotDisableOrDemoteThemselves() {
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.disable(prefecture.id());
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(fields(e)).containsExactly("user:own_account"));
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.update(prefecture.id(), new UserChange("我", "LEADER", QIANXINAN, null));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(fields(e)).containsExactly("role:own_account"));
        assertThatThrownBy(() -> fixtures.as(prefecture, () -> {
            users.update(prefecture.id(), new UserChange("我", "PREFECTURE_ADMIN", "abc", null));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(fields(e)).containsExactlyInAnyOrder("regionCode:region_code", "role:own_account"));
        fixtures.as(prefecture, () -> {
            users.update(prefecture.id(), new UserChange("赵管理（改名）", "PREFECTURE_ADMIN", QIANXINAN, null));
            return null;
        });
        assertThat(fixtures.as(prefecture, () -> users.get(prefecture.id())).displayName()).isEqualTo("赵管理（改名）");
        assertThat(fixtures.as(prefecture, () -> users.get(prefecture.id())).enabled()).isTrue();
    }

    @Test
    void everyChangeWritesAnAuditEntryWithoutThePassword() {
        String username = unique("audited");
        long id = fixtures.as(prefecture, () -> users.create(newUser(username, Role.HELPER, TestFixtures.VILLAGE_A)));
        fixtures.as(prefecture, () -> {
            users.update(id, new UserChange("帮扶人甲", "TOWNSHIP_REVIEWER", TestFixtures.TOWNSHIP, null));
            users.disable(id);
            users.enable(id);
            users.unlock(id);
            users.resetPassword(id, "Another#Pass9", "Another#Pass9");
            return null;
        });
        List<AuditEntry> entries = audit.recent(RegionScope.nationwide(), "user", String.valueOf(id), 20);
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATE, AuditAction.UPDATE,
                AuditAction.UPDATE, AuditAction.UPDATE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(entries).extracting(AuditEntry::summary).containsExactly(username + ": password reset",
                username + ": unlocked", username + ": enabled", username + ": disabled",
                username + ": profile changed", "account created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo(prefecture.getUsername());
            assertThat(e.regionCode()).startsWith("522324101");
            assertThat(String.valueOf(e.before()) + e.after()).doesNotContain(NEW_PASSWORD, "Another#Pass9",
                    "bcrypt");
        });
        AuditEntry profile = entries.get(4);
        assertThat(profile.before()).contains("HELPER").contains(TestFixtures.VILLAGE_A);
        assertThat(profile.after()).contains("TOWNSHIP_REVIEWER").contains(TestFixtures.TOWNSHIP);
    }
}
