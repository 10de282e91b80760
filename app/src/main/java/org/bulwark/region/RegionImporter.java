package org.bulwark.region;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.csv.CsvStyles;
import org.bulwark.core.region.ChinaDivisionReader;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the regions of a {@link ChinaDivisionReader} into the {@code region} table, idempotently: rows are
 * inserted or their names and parents updated, never duplicated. Uses COPY into a temporary table, so the full
 * national set (about 620,000 villages) loads in seconds. Works on a plain JDBC connection so that the Flyway
 * migration and the {@code regions import} command share it.
 */
public final class RegionImporter {

    private static final int CHUNK = 50_000;

    /** Counts of what an import did. */
    public record Result(Map<RegionLevel, Integer> read, int inserted, int updated) {}

    private RegionImporter() {}

    /** Imports the reader's regions on the connection (the caller owns the transaction). */
    public static Result importRegions(ChinaDivisionReader reader, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table region_import (code varchar(12), name text, level varchar(10), "
                    + "parent_code varchar(12), ord int) on commit drop");
        }
        ChinaDivisionReader.Summary summary = copyIntoImportTable(reader, connection);
        int inserted;
        int updated;
        try (Statement statement = connection.createStatement()) {
            updated = statement.executeUpdate("""
                    update region r set name = i.name, level = i.level, parent_code = i.parent_code
                    from region_import i
                    where r.code = i.code and (r.name, r.level, r.parent_code) is distinct from (i.name, i.level, i.parent_code)
                    """);
            // parents come before children in the reader's order; one statement, checked at its end
            inserted = statement.executeUpdate("""
                    insert into region (code, name, level, parent_code)
                    select code, name, level, parent_code from region_import i
                    where not exists (select 1 from region r where r.code = i.code)
                    order by ord
                    """);
            statement.execute("drop table region_import");
        }
        Map<RegionLevel, Integer> read = new EnumMap<>(RegionLevel.class);
        for (RegionLevel level : RegionLevel.values()) {
            read.put(level, summary.count(level));
        }
        return new Result(read, inserted, updated);
    }

    /** Copies the reader's regions, numbered in its order, into {@code region_import} in chunks. */
    private static ChinaDivisionReader.Summary copyIntoImportTable(ChinaDivisionReader reader, Connection connection)
            throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder buffer = new StringBuilder();
        int[] pending = {0};
        int[] order = {0};
        try {
            ChinaDivisionReader.Summary summary = reader.read(record -> {
                try {
                    CsvStyles.postgresRow(
                            buffer,
                            record.code(),
                            record.name(),
                            record.level().name(),
                            record.parentCode(),
                            order[0]++);
                    if (++pending[0] == CHUNK) {
                        copyIn(copy, buffer);
                        pending[0] = 0;
                    }
                } catch (IOException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            copyIn(copy, buffer);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks the listed counties as national key counties (and unmarks the others). The list is CSV with a header and
     * the 6-digit county code in a column named {@code code}.
     */
    public static int markKeyCounties(InputStream list, Connection connection) throws SQLException, IOException {
        List<String> codes = new ArrayList<>();
        int rowNumber = 0; // data rows from 1, blank lines not counted
        try (CsvReader<NamedCsvRecord> rows = CsvReader.builder()
                .ofNamedCsvRecord(new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)))) {
            for (NamedCsvRecord row : rows) {
                rowNumber++;
                String code = row.getField("code").strip();
                Optional<RegionCode> county = code.length() == 6 ? RegionCode.tryParse(code) : Optional.empty();
                if (county.isEmpty()) {
                    throw new IOException(
                            "key-county list row " + rowNumber + ": '" + code + "' is not a 6-digit county code");
                }
                codes.add(county.get().value());
            }
        }
        try (var unmark = connection.prepareStatement("update region set key_county = false where key_county");
                var mark = connection.prepareStatement(
                        "update region set key_county = true where level = 'COUNTY' and code = any(?)")) {
            unmark.executeUpdate();
            mark.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
            return mark.executeUpdate();
        }
    }

    private static void copyIn(CopyManager copy, StringBuilder buffer) throws SQLException, IOException {
        if (buffer.length() > 0) {
            copy.copyIn("copy region_import from stdin with (format csv)", new StringReader(buffer.toString()));
            buffer.setLength(0);
        }
    }
}
