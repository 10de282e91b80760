package org.bulwark.spark.generate;

import org.bulwark.spark.input.HouseholdRow;
import org.bulwark.spark.input.IncomeRow;
import org.bulwark.spark.input.PersonRow;
import org.bulwark.spark.input.RecordRow;

/** Receives a generated county's rows as the Parquet layout keeps them. */
public interface RegionSink {

    void household(HouseholdRow household);

    void person(PersonRow person);

    void income(IncomeRow income);

    void record(RecordRow record);
}
