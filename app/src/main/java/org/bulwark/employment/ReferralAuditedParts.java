package org.bulwark.employment;

import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditedHouseholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit page's household filter: the household's referrals. */
@Component
class ReferralAuditedParts implements AuditedHouseholds {

    private final JdbcClient jdbc;

    ReferralAuditedParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        return Map.of(
                "referral",
                jdbc.sql("select id::text from referral where household_id = :h")
                        .param("h", householdId)
                        .query(String.class)
                        .list());
    }
}
