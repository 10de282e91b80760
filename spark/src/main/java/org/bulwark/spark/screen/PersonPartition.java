package org.bulwark.spark.screen;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.bulwark.core.screening.RuleSet;

/**
 * Screens a partition of unregistered persons' records sorted by province, identity number and record id: whole
 * persons are gathered into batches of about {@code batchRecords} records of one province, each screened by core's
 * engine as the platform screens unregistered persons.
 */
final class PersonPartition implements MapPartitionsFunction<Row, Row> {

    private final String rulesText;
    private final String rulesName;
    private final LocalDate asOf;
    private final int batchRecords;
    private final LongAccumulator persons;

    PersonPartition(String rulesText, String rulesName, LocalDate asOf, int batchRecords, LongAccumulator persons) {
        this.rulesText = rulesText;
        this.rulesName = rulesName;
        this.asOf = asOf;
        this.batchRecords = batchRecords;
        this.persons = persons;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        RuleSet rules = Rules.of(rulesText, rulesName);
        return new BatchingIterator(input) {
            private ScreeningBatch batch = new ScreeningBatch(rules, asOf);
            private String province;
            private String person;
            private int records;
            private int people;

            @Override
            List<Row> accept(Row row) {
                List<Row> hits = List.of();
                String rowProvince = row.getString(Units.PROVINCE);
                String rowPerson = row.getString(Units.GROUP);
                if (!Objects.equals(rowPerson, person) || !Objects.equals(rowProvince, province)) {
                    if (!rowProvince.equals(province) || records >= batchRecords) {
                        hits = finish();
                    }
                    province = rowProvince;
                    person = rowPerson;
                    people++;
                }
                batch.add(Units.record(row));
                records++;
                return hits;
            }

            @Override
            List<Row> finish() {
                if (records == 0) {
                    return List.of();
                }
                persons.add(people);
                String batchProvince = province;
                List<Row> rows = Units.rows(batch.screenUnregistered(batchProvince), batchProvince);
                batch = new ScreeningBatch(rules, asOf);
                records = 0;
                people = 0;
                return rows;
            }
        };
    }
}
