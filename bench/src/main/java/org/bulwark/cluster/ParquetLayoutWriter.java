package org.bulwark.cluster;

import java.nio.file.Path;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.LayoutWriter;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import org.bulwark.screening.ScreeningInputRows;

/**
 * Writes a region's screening inputs as the Spark job's Parquet layout (docs/spark.md) with the layout module's
 * {@link LayoutWriter}, the writer of the Spark module's generator: {@code <dir>/<table>/province=<PP>/
 * part-<region>.parquet}, each file renamed into place once complete. Only the rows' shapes differ: enums are written
 * as their names, and members carry no identity number (the store keeps none).
 */
public final class ParquetLayoutWriter implements ScreeningInputRows, AutoCloseable {

    private final LayoutWriter writer;

    /** Opens the four files of the region (a code prefix of at least the province's two digits) under {@code dir}. */
    public ParquetLayoutWriter(Path dir, String regionPrefix) {
        writer = new LayoutWriter(dir, regionPrefix);
    }

    @Override
    public void household(Household h) {
        writer.household(new HouseholdRow(h.id(), h.villageCode(), h.category().name()));
    }

    @Override
    public void person(Person p) {
        String labourCapacity =
                p.labourCapacity() == null ? null : p.labourCapacity().name();
        writer.person(new PersonRow(p.id(), p.householdId(), p.villageCode(), null, p.birthDate(), labourCapacity));
    }

    @Override
    public void income(Income i) {
        writer.income(new IncomeRow(i.householdId(), i.villageCode(), i.year(), i.netIncome()));
    }

    @Override
    public void record(Record r) {
        writer.record(new RecordRow(
                r.id(),
                r.category(),
                r.householdId(),
                r.personId(),
                r.idNumber(),
                r.villageCode(),
                r.regionCode(),
                r.date(),
                r.fields()));
    }

    /** Completes the four files. */
    @Override
    public void close() {
        writer.close();
    }
}
