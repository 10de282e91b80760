package org.bulwark.exchange;

import java.util.List;

/** The newest department records of a household and how many there are in all. */
public record HouseholdRecords(List<HouseholdRecord> records, long total) {

    /** How many older records the list leaves out. */
    public long more() {
        return total - records.size();
    }
}
