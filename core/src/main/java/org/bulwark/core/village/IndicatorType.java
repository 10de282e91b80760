package org.bulwark.core.village;

/** What kind of value an indicator takes, which decides how it is typed, checked, stored and counted. */
public enum IndicatorType {
    /** yes or no, stored as 1 or 0; its coverage is the share of villages with yes */
    YES_NO,
    /** a share from 0 to 100 with at most one decimal (sanitary toilets of the village's households) */
    PERCENT,
    /** a number in the indicator's unit, not below zero */
    NUMBER
}
