package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.core.casework.EliminationInputs;
import org.bulwark.core.casework.IncomeObservation;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.identity.RegionScope;
import org.bulwark.income.IncomeRecord;
import org.bulwark.income.Incomes;
import org.bulwark.registry.HouseholdFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a household's risk-elimination assessment from the data already held: the monitoring status, yearly
 * incomes and the incomes helpers noted on visits, delivered measures, members, warnings and the line in force.
 */
@Component
class EliminationAssessor {

    private final HouseholdFacts facts;
    private final MonitoringRepository monitoring;
    private final Incomes incomes;
    private final CaseworkProcedure procedures;
    private final JdbcClient jdbc;

    EliminationAssessor(
            HouseholdFacts facts,
            MonitoringRepository monitoring,
            Incomes incomes,
            CaseworkProcedure procedures,
            JdbcClient jdbc) {
        this.facts = facts;
        this.monitoring = monitoring;
        this.incomes = incomes;
        this.procedures = procedures;
        this.jdbc = jdbc;
    }

    RiskEliminationAssessment assess(HouseholdFile file, RegionScope scope, LocalDate today) {
        long householdId = file.household().id();
        LocalDate identifiedOn = monitoring
                .find(householdId, scope)
                .map(MonitoringStatus::identifiedOn)
                .orElse(null);
        List<IncomeObservation> observations = new ArrayList<>();
        for (IncomeRecord record : incomes.of(householdId)) {
            // a year's income is known once the year is over
            observations.add(new IncomeObservation(LocalDate.of(record.year(), 12, 31), record.perCapita()));
        }
        observations.addAll(jdbc.sql("""
                select visited_on, per_capita_income from visit
                where household_id = :h and per_capita_income is not null and case_id is not distinct from """ + CaseRepository.PERIOD)
                .param("h", householdId)
                .query((rs, n) -> new IncomeObservation(
                        rs.getObject("visited_on", LocalDate.class), rs.getBigDecimal("per_capita_income")))
                .list());
        // a measure delivered in an earlier monitoring period does not count for this one
        int delivered = jdbc.sql("select count(*) from plan_measure where household_id = :h and status = 'DELIVERED'"
                        + " and case_id is not distinct from " + CaseRepository.PERIOD)
                .param("h", householdId)
                .query(Integer.class)
                .single();
        String village = file.household().villageCode();
        Map<String, Integer> openRisks = facts.openRisks(householdId);
        EliminationInputs inputs = new EliminationInputs(
                identifiedOn,
                observations,
                facts.line(village, today),
                delivered,
                HouseholdFacts.guaranteeGaps(file, openRisks),
                HouseholdFacts.anyoneCanWork(file),
                HouseholdFacts.openRiskWarnings(openRisks));
        return RiskEliminationAssessment.assess(procedures.definition(village), inputs, today);
    }
}
