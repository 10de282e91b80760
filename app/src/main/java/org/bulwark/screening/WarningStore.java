package org.bulwark.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Evidence;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores the hits of a run as warnings. A hit whose household (or unregistered person) already has an open warning
 * of the same rule raises nothing new: the database's partial unique indexes decide, so concurrent runs agree.
 */
@Component
class WarningStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WarningStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Raises the warnings of the result; returns how many were new. */
    int raise(long runId, ScreeningResult result, ScreeningData.Input input) {
        int raised = 0;
        for (Hit hit : result.hits()) {
            raised += jdbc.sql("""
                    insert into warning (run_id, household_id, village_code, rule_id, rule_version, direction,
                        risk_type, level, registered, as_of, deadline, evidence)
                    values (:run, :household, :village, :rule, :version, :direction, :risk, :level, true, :asOf,
                        :deadline, cast(:evidence as jsonb))
                    on conflict (household_id, rule_id) where status = 'OPEN' and household_id is not null do nothing
                    """).param("run", runId).param("household", hit.householdId())
                    .param("village", input.households().villageCode(hit.household())).param("rule", hit.ruleId())
                    .param("version", hit.ruleVersion()).param("direction", hit.direction().name())
                    .param("risk", hit.riskType()).param("level", hit.level().name()).param("asOf", result.asOf())
                    .param("deadline", hit.deadline()).param("evidence", evidence(hit.evidence(), input)).update();
        }
        for (UnregisteredHit hit : result.unregisteredHits()) {
            raised += jdbc.sql("""
                    insert into warning (run_id, id_number, village_code, rule_id, rule_version, direction,
                        risk_type, level, registered, as_of, deadline, evidence)
                    values (:run, :idNumber, :village, :rule, :version, :direction, :risk, :level, false, :asOf,
                        :deadline, cast(:evidence as jsonb))
                    on conflict (id_number, rule_id) where status = 'OPEN' and household_id is null do nothing
                    """).param("run", runId).param("idNumber", hit.idNumber())
                    .param("village", (hit.regionCode() + "000000000000").substring(0, 12)).param("rule", hit.ruleId())
                    .param("version", hit.ruleVersion()).param("direction", hit.direction().name())
                    .param("risk", hit.riskType()).param("level", hit.level().name()).param("asOf", result.asOf())
                    .param("deadline", hit.deadline()).param("evidence", evidence(hit.evidence(), input)).update();
        }
        return raised;
    }

    /** The evidence as stored: parameters, features, and the department records (their ids) behind each feature. */
    private String evidence(Evidence evidence, ScreeningData.Input input) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", evidence.parameters());
        out.put("features", evidence.features());
        Map<String, Object> records = new LinkedHashMap<>();
        evidence.records().forEach((feature, contributing) -> records.put(feature, recordIds(contributing, input)));
        out.put("records", records);
        return json.writeValueAsString(out);
    }

    private static Map<String, Object> recordIds(ContributingRecords contributing, ScreeningData.Input input) {
        long[] ids = input.recordIds().get(contributing.category());
        List<Long> found = new ArrayList<>();
        for (int index : contributing.records()) {
            if (ids != null && index >= 0 && index < ids.length) {
                found.add(ids[index]);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("category", contributing.category());
        out.put("recordIds", found);
        return out;
    }
}
