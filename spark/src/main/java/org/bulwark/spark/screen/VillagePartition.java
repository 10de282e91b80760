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
 * Screens a partition of unit rows sorted by province, village, kind and id: whole villages are gathered into
 * batches of about {@code batchHouseholds} households of one province, each screened by core's engine.
 */
final class VillagePartition implements MapPartitionsFunction<Row, Row> {

    private final String rulesText;
    private final String rulesName;
    private final LocalDate asOf;
    private final int batchHouseholds;
    private final LongAccumulator households;
    private final LongAccumulator screenNanos;

    VillagePartition(
            String rulesText,
            String rulesName,
            LocalDate asOf,
            int batchHouseholds,
            LongAccumulator households,
            LongAccumulator screenNanos) {
        this.rulesText = rulesText;
        this.rulesName = rulesName;
        this.asOf = asOf;
        this.batchHouseholds = batchHouseholds;
        this.households = households;
        this.screenNanos = screenNanos;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        RuleSet rules = Rules.of(rulesText, rulesName);
        return new BatchingIterator(input) {
            private ScreeningBatch batch = new ScreeningBatch(rules, asOf);
            private String province;
            private String village;

            @Override
            List<Row> accept(Row row) {
                List<Row> hits = List.of();
                String rowProvince = row.getString(Units.PROVINCE);
                String rowVillage = row.getString(Units.GROUP);
                if (!Objects.equals(rowVillage, village) || !Objects.equals(rowProvince, province)) {
                    // a batch ends only between villages: a village's households and records stay together
                    if (!rowProvince.equals(province) || batch.households() >= batchHouseholds) {
                        hits = finish();
                    }
                    province = rowProvince;
                    village = rowVillage;
                }
                switch (row.getInt(Units.KIND)) {
                    case Units.HOUSEHOLD -> batch.add(Units.household(row));
                    case Units.PERSON -> batch.add(Units.person(row));
                    case Units.INCOME -> batch.add(Units.income(row));
                    default -> batch.add(Units.record(row));
                }
                return hits;
            }

            @Override
            List<Row> finish() {
                if (batch.size() == 0) {
                    return List.of();
                }
                households.add(batch.households());
                String batchProvince = province;
                long started = System.nanoTime();
                List<Row> rows = Units.rows(batch.screenHouseholds(batchProvince), batchProvince);
                screenNanos.add(System.nanoTime() - started);
                batch = new ScreeningBatch(rules, asOf);
                return rows;
            }
        };
    }
}
