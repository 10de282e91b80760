package org.bulwark.employment;

import java.math.BigDecimal;
import java.util.Locale;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentRecordFeed;
import org.bulwark.exchange.DepartmentRecordFeed.PersonRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies the human-resources department's employment and unemployment registrations ({@code employment_status})
 * to the labour registry once their batch is stored: in work or not, where, the wage, since when; source "department
 * record" with the record's id, and a history row. Durable and idempotent: a record already applied, or older than
 * the labourer's state, changes nothing; records of persons who are not labourers are left to screening.
 */
@Component
class EmploymentStatusIntake {

    static final String CATEGORY = "employment_status";
    static final String LISTENER_ID = "employment.apply-employment-status";
    // who made the change: the record's id (source_record_id) names the batch and row it came from
    static final String SYSTEM_NAME = "system-employment-status";

    private static final Logger log = LoggerFactory.getLogger(EmploymentStatusIntake.class);

    private final DepartmentRecordFeed records;
    private final LabourerRepository labourers;
    private final ObjectMapper json;

    EmploymentStatusIntake(DepartmentRecordFeed records, LabourerRepository labourers, ObjectMapper json) {
        this.records = records;
        this.labourers = labourers;
        this.json = json;
    }

    @ApplicationModuleListener(id = LISTENER_ID)
    void on(BatchStored event) {
        if (!CATEGORY.equals(event.category())) {
            return;
        }
        int applied = 0;
        for (PersonRecord record : records.personRecordsOf(event.batchId(), CATEGORY)) {
            applied += apply(record, SYSTEM_NAME) ? 1 : 0;
        }
        log.info("Batch {}: {} employment registrations applied to the labour registry", event.batchId(), applied);
    }

    private boolean apply(PersonRecord record, String by) {
        JsonNode fields = json.readTree(record.fields());
        boolean inWork = "employed".equals(text(fields, "status"));
        String place = text(fields, "place");
        return labourers.applyRecord(
                record.personId(),
                record.id(),
                inWork,
                place == null ? null : place.toUpperCase(Locale.ROOT),
                amount(fields, "monthly_wage"),
                record.recordDate(),
                by);
    }

    private static String text(JsonNode fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() || node.asString().isBlank() ? null : node.asString();
    }

    private static BigDecimal amount(JsonNode fields, String name) {
        String text = text(fields, name);
        return text == null ? null : new BigDecimal(text);
    }
}
