package org.bulwark.industry;

import java.math.BigDecimal;
import org.bulwark.core.industry.CollectiveIncomeSource;

/** A village collective's income of a year from one source, in yuan. */
public record CollectiveIncome(String villageCode, int year, CollectiveIncomeSource source, BigDecimal amount) {}
