package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A visit as the phone sends it. The id is made by the client, so sending the same visit twice (a lost answer on a
 * weak signal) stores it once.
 *
 * @param circumstances STABLE, IMPROVED or WORSE
 */
public record VisitInput(
        UUID id,
        long householdId,
        LocalDate visitedOn,
        String findings,
        BigDecimal perCapitaIncome,
        String circumstances) {}
