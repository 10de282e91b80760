package org.bulwark.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads batches and their rejected rows, within the user's region. */
@Service
@Transactional(readOnly = true)
public class Batches {

    static final RowMapper<Batch> BATCH = (rs, n) -> new Batch(rs.getLong("id"), rs.getString("category"),
            rs.getString("department"), rs.getString("file_name"), FileFormat.valueOf(rs.getString("file_format")),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("region_code"),
            BatchStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getInt("rows_total"),
            rs.getInt("rows_accepted"), rs.getInt("rows_rejected"), rs.getInt("rows_repeated"),
            rs.getInt("rows_unmatched"), (Integer) rs.getObject("duration_ms"));

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    Batches(JdbcClient jdbc, CurrentUser currentUser, ObjectMapper json) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.json = json;
    }

    /** The latest batches uploaded within the user's region. */
    public List<Batch> recent(int limit) {
        RegionScope scope = currentUser.scope();
        return jdbc.sql("select * from exchange_batch where region_code like :p order by id desc limit :l")
                .param("p", scope.likePattern()).param("l", limit).query(BATCH).list();
    }

    /** A batch uploaded within the user's region. */
    public Batch batch(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("batch", id));
    }

    private Optional<Batch> find(long id) {
        return jdbc.sql("select * from exchange_batch where id = :id and region_code like :p").param("id", id)
                .param("p", currentUser.scope().likePattern()).query(BATCH).optional();
    }

    /** The header of the batch's file, as it was. */
    public List<String> header(long id) {
        batch(id);
        String header = jdbc.sql("select header::text from exchange_batch where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        return header == null ? List.of() : json.readValue(header, new TypeReference<List<String>>() { });
    }

    /** The batch's rejected rows, in file order. */
    public List<RejectedRow> rejected(long id, int limit) {
        batch(id);
        return jdbc.sql("select row_number, reasons, raw::text as raw from exchange_rejected_row where batch_id = :id "
                        + "order by row_number limit :l")
                .param("id", id).param("l", limit)
                .query((rs, n) -> new RejectedRow(rs.getInt(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() { })))
                .list();
    }
}
