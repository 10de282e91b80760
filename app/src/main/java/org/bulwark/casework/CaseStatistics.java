package org.bulwark.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of a region and of each region one level below it, by monitoring type and risk type, with the cases
 * under way and those overdue.
 *
 * @param byType households identified in the period, by monitoring type
 * @param byRisk households identified in the period, by risk type (a household counts under each of its risks)
 * @param openByStep cases under way, by the step they are at
 */
public record CaseStatistics(
        LocalDate from,
        LocalDate to,
        CaseFigures total,
        List<CaseFigures> parts,
        Map<String, Long> byType,
        Map<String, Long> byRisk,
        Map<String, Long> openByStep,
        long openCases,
        long overdueCases) {}
