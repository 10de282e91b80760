package org.bulwark.core.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The facts a risk-elimination assessment is computed from, all read from data already held.
 *
 * @param identifiedOn      the day the household was approved into monitoring
 * @param incomes           per-capita incomes known, in any order
 * @param line              the monitoring line in force for the household's province and year
 * @param measuresDelivered measures of the plan recorded as delivered
 * @param guaranteeGaps     the guarantees still unresolved (e.g. a member without medical insurance), by name
 * @param anyoneCanWork     some member is able or partly able to work
 * @param openRiskWarnings  downward department warnings still open for the household
 */
public record EliminationInputs(
        LocalDate identifiedOn,
        List<IncomeObservation> incomes,
        BigDecimal line,
        int measuresDelivered,
        Set<String> guaranteeGaps,
        boolean anyoneCanWork,
        int openRiskWarnings) {

    public EliminationInputs {
        incomes = List.copyOf(incomes);
        guaranteeGaps = Set.copyOf(guaranteeGaps);
    }
}
