package org.bulwark.industry;

import java.math.BigDecimal;
import java.util.List;
import org.bulwark.core.income.IncomeComponent;
import org.bulwark.core.industry.BenefitKind;

/**
 * What a household received from its industry projects in a year, by the income-record component each benefit
 * belongs to (docs/industry.md): the amounts the income form suggests, with the links they come from.
 */
public record BenefitIncome(int year, List<Source> sources) {

    /** One link's amount: the project, how the household benefits and how much. */
    public record Source(String projectName, BenefitKind kind, BigDecimal amount) {}

    public BenefitIncome {
        sources = List.copyOf(sources);
    }

    /** Whether any link of the year is recorded. */
    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The total of the component's sources (0 when none). */
    public BigDecimal total(IncomeComponent component) {
        return sources.stream()
                .filter(s -> s.kind().incomeComponent() == component)
                .map(Source::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sources feeding the component. */
    public List<Source> of(IncomeComponent component) {
        return sources.stream()
                .filter(s -> s.kind().incomeComponent() == component)
                .toList();
    }
}
