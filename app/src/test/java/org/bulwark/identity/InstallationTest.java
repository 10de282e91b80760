package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The province's privileged administrators, which nobody in the platform may create, come from the server's command
 * line: only the three privileged roles, at a county or above, with a password its holder changes; never for a
 * signed-in user.
 */
@DatabaseTest
class InstallationTest {

    private static final String PASSWORD = "Install#2026ab";

    @Autowired
    Installation installation;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000_000L;
    }

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void createsAProvincesAdministratorWhoChangesThePasswordFirst() {
        String username = unique("install-sys");
        long id = installation.createAdministrator(username, "孙系统", "SYSTEM_ADMIN", "52", PASSWORD);
        BulwarkUser created = accounts.find(username).orElseThrow();
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.role()).isEqualTo(Role.SYSTEM_ADMIN);
        assertThat(created.regionCode()).isEqualTo("520000000000");
        assertThat(created.passwordChangeRequired()).isTrue();
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", String.valueOf(id), 1)
                .get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.after()).contains("SYSTEM_ADMIN").doesNotContain(PASSWORD);
    }

    @Test
    void onlyThePrivilegedRolesAtACountyOrAboveWithAGoodPassword() {
        String username = unique("install-bad");
        assertThatThrownBy(
                        () -> installation.createAdministrator(username, "县审批", "COUNTY_APPROVER", "522324", PASSWORD))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("role:allowed_values"));
        assertThatThrownBy(() -> installation.createAdministrator(
                        username, "村里", "AUDIT_ADMIN", TestFixtures.VILLAGE_A, PASSWORD))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:region_level"));
        assertThatThrownBy(() -> installation.createAdministrator(username, "弱", "AUDIT_ADMIN", "52", "password"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).contains("password:password_common"));
        assertThat(accounts.find(username)).isEmpty();
    }

    @Test
    void aSignedInUserCannotCreateOne() {
        BulwarkUser sysadmin = fixtures.user(Role.SYSTEM_ADMIN, "522300000000");
        String username = unique("install-web");
        assertThatThrownBy(() -> fixtures.as(
                        sysadmin,
                        () -> installation.createAdministrator(username, "越权", "SECURITY_ADMIN", "52", PASSWORD)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.find(username)).isEmpty();
    }
}
