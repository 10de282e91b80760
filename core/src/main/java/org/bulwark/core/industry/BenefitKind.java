package org.bulwark.core.industry;

import org.bulwark.core.income.IncomeComponent;

/** How a household benefits from a project (联农带农 mechanisms, docs/policy.md §5). */
public enum BenefitKind {
    WAGES(IncomeComponent.WAGE),
    LAND_RENT(IncomeComponent.PROPERTY),
    DIVIDEND(IncomeComponent.PROPERTY),
    // the project buys the household's own produce: a sale of crops or livestock, operating income (§8)
    CONTRACT_PURCHASE(IncomeComponent.OPERATING),
    // what the project pays the household for services it renders is pay for work
    SERVICES(IncomeComponent.WAGE);

    private final IncomeComponent component;

    BenefitKind(IncomeComponent component) {
        this.component = component;
    }

    /** The income-record component this benefit belongs to (docs/industry.md, "Benefit income in the income record"). */
    public IncomeComponent incomeComponent() {
        return component;
    }
}
