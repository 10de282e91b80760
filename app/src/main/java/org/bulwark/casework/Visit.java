package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A visit to a household: when, by whom, what was found, the per-capita income it noted, how things stand, and the
 * identification case that opened the monitoring period it was made in.
 */
public record Visit(
        UUID id,
        long householdId,
        LocalDate visitedOn,
        String visitor,
        String findings,
        BigDecimal perCapitaIncome,
        String circumstances,
        Long caseId) {}
