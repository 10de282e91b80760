package org.bulwark.employment;

import java.time.LocalDate;

/**
 * A household member on a public payroll (财政供养人员) as the finance department's {@code public_payroll} records
 * say: who, where they are paid, since when.
 */
public record PayrollEntry(long personId, String name, String employer, LocalDate since) {}
