package org.bulwark.safetynet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.bulwark.core.safetynet.Guarantee;
import org.bulwark.core.safetynet.GuaranteeState;
import org.bulwark.core.safetynet.GuaranteeStatus;
import org.bulwark.core.safetynet.SafetyNetStandard;

/**
 * A household's safety net as its file shows it.
 *
 * @param year            the year of the standard shown (this year)
 * @param standard        the standard of the household's region and that year, or null when none is set
 * @param perCapita       the latest recorded net income per capita, or null
 * @param incomeYear      the year of that income, or null
 * @param spells          allowance and support spells of the household and its members, newest first
 * @param guarantees      the three guarantees and drinking water
 */
public record SafetyNetSection(
        int year,
        SafetyNetStandard standard,
        BigDecimal perCapita,
        Integer incomeYear,
        List<ShownSpell> spells,
        GuaranteeStatus guarantees) {

    /** A spell with the name of the person it is about (null for the whole household). */
    public record ShownSpell(
            RecipientKind kind,
            String personName,
            LocalDate start,
            LocalDate end,
            BigDecimal monthlyAmount,
            boolean running) {}

    /** Whether an allowance or support spell runs today. */
    public boolean receives(RecipientKind kind) {
        return spells.stream().anyMatch(s -> s.kind() == kind && s.running());
    }

    /** The guarantees in their order with their states, for the page. */
    public List<GuaranteeRow> guaranteeRows() {
        return Arrays.stream(Guarantee.values())
                .map(g -> new GuaranteeRow(g, guarantees.state(g)))
                .toList();
    }

    /** Income per capita below the standard: what ALC-01 warns of when nothing is received. */
    public boolean belowStandard() {
        return standard != null && perCapita != null && perCapita.compareTo(standard.allowance()) < 0;
    }

    /** One guarantee and its state. */
    public record GuaranteeRow(Guarantee guarantee, GuaranteeState state) {}
}
