/**
 * Screening: bidirectional verification and early warning. Rules are data (a YAML file whose conditions are CEL),
 * checked and compiled at load into vectorised evaluations over columns of households, persons and department records;
 * {@link org.bulwark.core.screening.ScreeningEngine} runs them over a whole province or over the households a new batch
 * touched, with identical results either way.
 */
package org.bulwark.core.screening;
