package org.bulwark.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The TOTP secrets and recovery codes of accounts (tables of V34_1). */
@Repository
class SecondFactorStore {

    /** An account's factor: its secret, when enrolment was confirmed (null: waiting) and the last step used. */
    record Factor(String secret, Instant confirmedAt, long lastStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** An unused recovery code's hash. */
    record RecoveryCode(long id, String hash) {}

    private final JdbcClient jdbc;

    SecondFactorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Factor> find(long userId) {
        return jdbc.sql("select secret, confirmed_at, last_step from user_second_factor where user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Factor(
                        rs.getString("secret"),
                        rs.getTimestamp("confirmed_at") == null
                                ? null
                                : rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getLong("last_step")))
                .optional();
    }

    /** Starts (or starts again) an enrolment with a new secret; a confirmed factor is left alone. */
    void begin(long userId, String secret) {
        jdbc.sql("""
                insert into user_second_factor (user_id, secret) values (:u, :s)
                on conflict (user_id) do update set secret = excluded.secret, created_at = now(), last_step = 0
                where user_second_factor.confirmed_at is null
                """).param("u", userId).param("s", secret).update();
    }

    /** Confirms a waiting enrolment with the step of its first code; false if there was none waiting. */
    boolean confirm(long userId, long step) {
        return jdbc.sql("""
                update user_second_factor set confirmed_at = now(), last_step = :step
                where user_id = :u and confirmed_at is null
                """).param("u", userId).param("step", step).update() == 1;
    }

    /**
     * Marks a step used if it is later than the last one; false when another request used it (or a later one) first,
     * so two requests with the same code cannot both pass.
     */
    boolean useStep(long userId, long step) {
        return jdbc.sql("update user_second_factor set last_step = :step where user_id = :u and last_step < :step")
                        .param("u", userId)
                        .param("step", step)
                        .update()
                == 1;
    }

    void remove(long userId) {
        jdbc.sql("delete from user_recovery_code where user_id = :u")
                .param("u", userId)
                .update();
        jdbc.sql("delete from user_second_factor where user_id = :u")
                .param("u", userId)
                .update();
    }

    void replaceRecoveryCodes(long userId, List<String> hashes) {
        jdbc.sql("delete from user_recovery_code where user_id = :u")
                .param("u", userId)
                .update();
        for (String hash : hashes) {
            jdbc.sql("insert into user_recovery_code (user_id, code_hash) values (:u, :h)")
                    .param("u", userId)
                    .param("h", hash)
                    .update();
        }
    }

    List<RecoveryCode> unusedRecoveryCodes(long userId) {
        return jdbc.sql("select id, code_hash from user_recovery_code where user_id = :u and used_at is null")
                .param("u", userId)
                .query((rs, n) -> new RecoveryCode(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Uses a recovery code; false when it was used meanwhile. */
    boolean useRecoveryCode(long id) {
        return jdbc.sql("update user_recovery_code set used_at = now() where id = :id and used_at is null")
                        .param("id", id)
                        .update()
                == 1;
    }
}
