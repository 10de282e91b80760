package org.bulwark.layout;

import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one table's row records straight into Parquet's record consumer, field by field, in the table's schema:
 * building parquet-java's example groups first cost as much as generating the rows.
 */
final class RowWriteSupport<T> extends WriteSupport<T> {

    private final MessageType schema;
    private final BiConsumer<RecordConsumer, T> writeRow;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, BiConsumer<RecordConsumer, T> writeRow) {
        this.schema = schema;
        this.writeRow = writeRow;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        consumer = recordConsumer;
    }

    @Override
    public void write(T row) {
        consumer.startMessage();
        writeRow.accept(consumer, row);
        consumer.endMessage();
    }
}
