package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adding a member whose identity number is registered in another region (issue 11 #7): the answer does not confirm
 * that the person is registered elsewhere, and the attempt is in the audit log of both regions.
 */
@DatabaseTest
class IdentityProbeTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherRegionsIdentityNumberIsNotConfirmedAndTheAttemptIsAudited() {
        BulwarkUser cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        String id = TestFixtures.newIdNumber();
        HouseholdFile inA =
                fixtures.household(cadreA, TestFixtures.VILLAGE_A, TestFixtures.person("甲村成员", id, "SPOUSE"));
        HouseholdFile inB = fixtures.household(cadreB, TestFixtures.VILLAGE_B);
        long before = refusals(cadreB.getUsername());

        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> fixtures.as(
                        cadreB,
                        () -> registry.addMember(inB.household().id(), TestFixtures.person("探测", id, "CHILD"))));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("idNumber");
            assertThat(p.code()).isNotEqualTo("already_registered").isEqualTo("id_unavailable");
            assertThat(p.message()).doesNotContainIgnoringCase("household").doesNotContainIgnoringCase("registered in");
        });
        assertThat(refusals(cadreB.getUsername()))
                .as("the attempt, in both regions")
                .isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'REFUSED' and region_code = :r "
                                + "and entity_id = :h")
                        .param("r", TestFixtures.VILLAGE_A)
                        .param("h", String.valueOf(inA.household().id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'REFUSED' and after::text like :id")
                        .param("id", "%" + id + "%")
                        .query(Long.class)
                        .single())
                .as("the number masked")
                .isZero();
    }

    @Test
    void withinTheUsersRegionTheAnswerStillSaysAlreadyRegistered() {
        BulwarkUser cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        String id = TestFixtures.newIdNumber();
        fixtures.household(cadreA, TestFixtures.VILLAGE_A, TestFixtures.person("本村成员", id, "SPOUSE"));
        HouseholdFile other = fixtures.household(cadreA, TestFixtures.VILLAGE_A);
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> fixtures.as(
                        cadreA,
                        () -> registry.addMember(other.household().id(), TestFixtures.person("重复", id, "CHILD"))));
        assertThat(refused.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("already_registered"));
    }

    private long refusals(String username) {
        return jdbc.sql("select count(*) from audit_log where action = 'REFUSED' and after::text like '%idNumber%' "
                        + "and username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
