package org.bulwark.casework;

import java.util.List;
import java.util.Map;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and scanned forms (the signed commitment, the review minutes) kept with the step of a case they document.
 * The type is checked by content, not by name; the size is limited; a download is scoped like the case and audited.
 */
@Service
@Transactional
public class CaseAttachments {

    /** The content a file starts with, and the type it is stored as. */
    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F'});

    private static final RowMapper<CaseAttachment> ATTACHMENT = (rs, n) -> {
        long caseId = rs.getLong("case_id");
        return new CaseAttachment(
                rs.getLong("id"),
                rs.getLong("household_id"),
                rs.wasNull() ? null : caseId,
                rs.getString("step"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    };

    /** A file's bytes with its name and type, for a download. */
    public record Content(String fileName, String contentType, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final Cases cases;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final int maxBytes;

    CaseAttachments(
            JdbcClient jdbc,
            Cases cases,
            CurrentUser currentUser,
            AuditLog audit,
            @Value("${bulwark.casework.attachment-max-bytes:10485760}") int maxBytes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.currentUser = currentUser;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** The attachments of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseAttachment> of(long caseId) {
        cases.get(caseId);
        return jdbc.sql("""
                select id, household_id, case_id, step, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                from case_attachment where case_id = :c order by id
                """).param("c", caseId).query(ATTACHMENT).list();
    }

    /** Keeps a file with the case's current step (or its last one, once the case is closed). */
    public CaseAttachment add(long caseId, String fileName, byte[] bytes) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        SupportCase c = cases.get(caseId);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "empty", "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw InvalidInputException.of(
                    "file", "file_too_large", "is larger than " + maxBytes / (1024 * 1024) + " MB");
        }
        String type = SIGNATURES.entrySet().stream()
                .filter(e -> startsWith(bytes, e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "file", "type", "only photos (JPEG, PNG) and scanned forms (PDF) are kept"));
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String step = c.step() != null ? c.step().name() : "DECIDED";
        long id = jdbc.sql("""
                insert into case_attachment (household_id, case_id, step, file_name, content_type, size_bytes, content,
                    uploaded_by)
                values (:h, :c, :step, :name, :type, :size, :content, :by) returning id
                """)
                .param("h", c.householdId())
                .param("c", caseId)
                .param("step", step)
                .param("name", name)
                .param("type", type)
                .param("size", bytes.length)
                .param("content", bytes)
                .param("by", user.getUsername())
                .query(Long.class)
                .single();
        CaseAttachment attachment =
                jdbc.sql("""
                select id, household_id, case_id, step, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                from case_attachment where id = :id
                """).param("id", id).query(ATTACHMENT).single();
        audit.record(AuditRecord.created(
                "case_attachment",
                id,
                c.villageCode(),
                Map.of("case", caseId, "step", step, "file", name, "type", type, "bytes", bytes.length)));
        return attachment;
    }

    /**
     * A file of a case in the user's scope; the download is audited. Verification scans (the signed commitment,
     * medical certificates, review minutes) are health and personal data: only roles with READ_SENSITIVE_DATA open
     * them, the others see that they exist.
     */
    public Content download(long attachmentId) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.READ_SENSITIVE_DATA);
        var row = jdbc.sql("""
                select a.case_id, a.file_name, a.content_type, a.content, c.village_code
                from case_attachment a join support_case c on c.id = a.case_id
                where a.id = :id and c.village_code like :scope
                """)
                .param("id", attachmentId)
                .param("scope", user.scope().likePattern())
                .query((rs, n) -> new Object[] {
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content"),
                    rs.getString("village_code")
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        audit.record(new AuditRecord(
                        AuditAction.REVEAL,
                        "case_attachment",
                        String.valueOf(attachmentId),
                        (String) row[3],
                        null,
                        null,
                        null)
                .described("attachmentDownloaded"));
        return new Content((String) row[0], (String) row[1], (byte[]) row[2]);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
