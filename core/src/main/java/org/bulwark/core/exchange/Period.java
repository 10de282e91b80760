package org.bulwark.core.exchange;

/** What one record of a category covers; the record is dated by its category's date field either way. */
public enum Period {
    /** one event or one spell (a settlement, a diagnosis, an allowance from its start date) */
    EVENT,
    /** one month's figures, dated by the first day of the month */
    MONTH,
    /** one year's status, dated by the first day of the (school) year */
    YEAR
}
