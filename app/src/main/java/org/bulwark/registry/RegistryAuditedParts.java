package org.bulwark.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditedHouseholds;
import org.bulwark.identity.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit page's household filter: a household by its number in the scope, and its members. */
@Component
class RegistryAuditedParts implements AuditedHouseholds {

    private final JdbcClient jdbc;

    RegistryAuditedParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> find(String householdNumber, RegionScope scope) {
        return jdbc.sql("select id from household where household_number = :n and village_code like :scope")
                .param("n", householdNumber)
                .param("scope", scope.likePattern())
                .query(Long.class)
                .optional();
    }

    @Override
    public Map<String, List<String>> parts(long householdId) {
        return Map.of(
                "person",
                jdbc.sql("select id::text from person where household_id = :h")
                        .param("h", householdId)
                        .query(String.class)
                        .list());
    }
}
