package org.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The demo seeds users of every role and a Qinglong registry once; a second start adds nothing. */
@DatabaseTest
@TestPropertySource(properties = {"bulwark.demo.enabled=true", "bulwark.demo.households=300"})
class DemoSeederTest {

    @Autowired
    DemoSeeder seeder;
    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void seedsOnceWithUsersOfEveryRoleAndRealVillages() throws Exception {
        long households = count("select count(*) from household where village_code like '522324%'");
        assertThat(households).isGreaterThanOrEqualTo(300);
        assertThat(count("select count(distinct role) from app_user where username in "
                + "('cadre','cadre2','helper','township','county','officer','prefecture','province','leader')"))
                .isEqualTo(8);
        assertThat(count("select count(*) from household h left join region r on r.code = h.village_code "
                + "where r.level is distinct from 'VILLAGE'")).isZero();
        assertThat(count("select count(*) from household_income")).isGreaterThan(0);

        seeder.seed();
        assertThat(count("select count(*) from household where village_code like '522324%'")).isEqualTo(households);
    }
}
