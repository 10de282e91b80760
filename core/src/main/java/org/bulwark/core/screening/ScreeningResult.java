package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of a screening run.
 *
 * @param hits                 hits on registered households, by household index then rule-file order
 * @param unregisteredHits     hits on unregistered persons, by identity number then rule-file order
 * @param householdsScreened   registered households evaluated
 * @param unregisteredPersons  unregistered persons (identity numbers) evaluated
 * @param unmatchedRecords     records of the categories read that belong to no registered household (neither
 *                             household, person nor village matched); those with an identity number are the
 *                             unregistered persons' records
 */
public record ScreeningResult(
        String ruleSetVersion,
        Parameters parameters,
        LocalDate asOf,
        List<Hit> hits,
        List<UnregisteredHit> unregisteredHits,
        int householdsScreened,
        int unregisteredPersons,
        int unmatchedRecords) {

    /** Copies the lists. */
    public ScreeningResult {
        hits = List.copyOf(hits);
        unregisteredHits = List.copyOf(unregisteredHits);
    }
}
