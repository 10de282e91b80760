package org.bulwark.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
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

    static final RowMapper<Batch> BATCH = (rs, n) -> new Batch(
            rs.getLong("id"),
            rs.getString("category"),
            rs.getString("department"),
            rs.getString("file_name"),
            FileFormat.valueOf(rs.getString("file_format")),
            rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at").toInstant(),
            rs.getString("region_code"),
            BatchStatus.valueOf(rs.getString("status")),
            rs.getString("status_reason"),
            rs.getInt("rows_total"),
            rs.getInt("rows_accepted"),
            rs.getInt("rows_rejected"),
            rs.getInt("rows_repeated"),
            rs.getInt("rows_unmatched"),
            (Integer) rs.getObject("duration_ms"));

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final DataCatalogue catalogue;
    private final AuditLog audit;

    Batches(JdbcClient jdbc, CurrentUser currentUser, ObjectMapper json, DataCatalogue catalogue, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.json = json;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /**
     * The latest batches the user may see: uploaded within their region and, for an account of a department, sent by
     * that department (a medical-security officer does not see the civil-affairs batches of the county; the county's
     * staff and higher see every department's).
     */
    public List<Batch> recent(int limit) {
        BulwarkUser user = currentUser.require();
        RegionScope scope = currentUser.scope();
        return jdbc.sql("select * from exchange_batch where region_code like :p" + departmentCondition(user)
                        + " order by id desc limit :l")
                .param("p", scope.likePattern())
                .param("d", departmentOf(user))
                .param("l", limit)
                .query(BATCH)
                .list();
    }

    /** A batch the user may see (see {@link #recent}); another department's batch is not found. */
    public Batch batch(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("batch", id));
    }

    private Optional<Batch> find(long id) {
        BulwarkUser user = currentUser.require();
        return jdbc.sql("select * from exchange_batch where id = :id and region_code like :p"
                        + departmentCondition(user))
                .param("id", id)
                .param("p", currentUser.scope().likePattern())
                .param("d", departmentOf(user))
                .query(BATCH)
                .optional();
    }

    private static String departmentCondition(BulwarkUser user) {
        return user.department() == null ? "" : " and department = :d";
    }

    private static String departmentOf(BulwarkUser user) {
        return user.department() == null ? "" : user.department();
    }

    /** The header of the batch's file, as it was. */
    public List<String> header(long id) {
        batch(id);
        String header = jdbc.sql("select header::text from exchange_batch where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        return header == null ? List.of() : json.readValue(header, new TypeReference<List<String>>() {});
    }

    /**
     * The batch's rejected rows, in file order, as the user may read them (see {@link #mayReadRejected}); identity and
     * mobile numbers masked unless {@link #mayReadInFull}. Every read is audited: the rows are the department's data
     * as it came, including what the registry's rules would keep from the reader.
     */
    @Transactional
    public List<RejectedRow> rejected(long id, int limit) {
        Batch batch = batch(id);
        BulwarkUser user = currentUser.require();
        if (!mayReadRejected(user, batch)) {
            throw new RejectedRowsWithheldException(
                    "the rejected rows of batch " + id + " are not for role " + user.role());
        }
        boolean full = mayReadInFull(user, batch);
        List<RejectedRow> rows = jdbc.sql("select row_number, reasons, raw::text as raw from exchange_rejected_row "
                        + "where batch_id = :id order by row_number limit :l")
                .param("id", id)
                .param("l", limit)
                .query((rs, n) -> new RejectedRow(
                        rs.getInt(1),
                        rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() {})))
                .list();
        audit.record(new AuditRecord(
                AuditAction.EXPORT,
                "batch",
                String.valueOf(id),
                batch.regionCode(),
                "rejected rows",
                null,
                Map.of("rows", rows.size(), "masked", !full)));
        return full ? rows : rows.stream().map(RejectedCells::masked).toList();
    }

    /**
     * Whether the user may read the batch's rejected rows, by the rules of the records they would have been: an
     * account of a department reads only its department's batches; a sensitive category's rows (health, disability,
     * bank) are for roles holding READ_SENSITIVE_DATA, the uploading department and whoever uploaded them.
     */
    public boolean mayReadRejected(BulwarkUser user, Batch batch) {
        if (user.department() != null && !ownDepartment(user, batch)) {
            return false;
        }
        boolean sensitive = catalogue
                .category(batch.category())
                .map(CategorySchema::sensitive)
                .orElse(true);
        return !sensitive
                || user.can(Role.Permission.READ_SENSITIVE_DATA)
                || ownDepartment(user, batch)
                || uploader(user, batch);
    }

    /** Whether the user sees the rows' identity and phone numbers in full: they sent them, or may reveal them. */
    boolean mayReadInFull(BulwarkUser user, Batch batch) {
        return user.can(Role.Permission.REVEAL_PERSONAL_DATA) || ownDepartment(user, batch) || uploader(user, batch);
    }

    private static boolean ownDepartment(BulwarkUser user, Batch batch) {
        return user.department() != null && user.department().equals(batch.department());
    }

    private static boolean uploader(BulwarkUser user, Batch batch) {
        return user.getUsername().equals(batch.uploadedBy());
    }
}
