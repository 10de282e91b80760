package org.bulwark.casework;

import java.util.List;

/**
 * What a roster file does, or did: per household new, changed, unchanged or refused, with the refused rows' reasons.
 *
 * @param importId the stored import after a commit that changed something; null for a preview or a file that changed
 *                 nothing
 */
public record RosterPreview(
        Long importId,
        String fileName,
        String sha256,
        int rowsTotal,
        List<HouseholdOutcome> households,
        List<RosterProblem> problems) {

    public RosterPreview {
        households = List.copyOf(households);
        problems = List.copyOf(problems);
    }

    /** What happens to a household. */
    public enum Outcome {
        /** 新增: no monitoring history yet; the roster's becomes it */
        NEW,
        /** 变更: brought in by an earlier roster whose rows differ from this file's */
        CHANGED,
        /** 无变化: this file says what the earlier roster said */
        UNCHANGED,
        /** 拒收: a row of the household is refused; nothing of the household is stored */
        REFUSED
    }

    /**
     * One household of the file.
     *
     * @param householdNumber the registry's number, or what the row gave when the household is not found
     * @param rows            the file's rows of the household
     * @param detail          for a changed household, which rows differ from the earlier import (in Chinese)
     */
    public record HouseholdOutcome(
            Long householdId, String householdNumber, Outcome outcome, List<Long> rows, String detail) {}

    /** How many households have this outcome. */
    public long count(Outcome outcome) {
        return households.stream().filter(h -> h.outcome() == outcome).count();
    }

    /** How many rows are refused (every row of a refused household). */
    public long rowsRefused() {
        return households.stream()
                .filter(h -> h.outcome() == Outcome.REFUSED)
                .mapToLong(h -> h.rows().size())
                .sum();
    }
}
