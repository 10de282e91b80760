package org.bulwark.core.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A per-capita net income (yuan per person per year) known on a date: a yearly income record or a visit's update. */
public record IncomeObservation(LocalDate on, BigDecimal perCapita) {}
