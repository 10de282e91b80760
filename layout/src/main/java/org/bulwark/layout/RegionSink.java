package org.bulwark.layout;

/** Receives a region's rows as the Parquet layout keeps them: the Spark module's generator writes to one. */
public interface RegionSink {

    void household(HouseholdRow household);

    void person(PersonRow person);

    void income(IncomeRow income);

    void record(RecordRow record);
}
