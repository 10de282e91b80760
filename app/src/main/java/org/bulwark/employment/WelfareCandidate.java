package org.bulwark.employment;

import java.math.BigDecimal;
import org.bulwark.core.employment.PostCandidate;

/**
 * A labourer of a village as the allocation reads them: the core's candidate, with the name, household number and
 * income per person that pages show (null income: the household has no income on record).
 */
record WelfareCandidate(PostCandidate candidate, String name, String householdNumber, BigDecimal perCapitaIncome) {}
