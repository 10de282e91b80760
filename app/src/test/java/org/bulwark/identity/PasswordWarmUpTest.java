package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulwark.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The password warm-up after a start runs the real password hash and touches no account. */
@DatabaseTest
class PasswordWarmUpTest {

    @Autowired
    PasswordWarmUp warmUp;

    @Autowired
    JdbcClient jdbc;

    @Test
    void checksAThrowawayPasswordWithTheRealHashAndChangesNoAccount() {
        String before = accounts();
        assertThat(warmUp.warmUp()).isEqualTo(PasswordWarmUp.ROUNDS);
        assertThat(accounts()).isEqualTo(before);
    }

    private String accounts() {
        return jdbc.sql(
                        "select coalesce(string_agg(username || password_hash, ',' order by username), '') from app_user")
                .query(String.class)
                .single();
    }
}
