package org.bulwark.core.generate.feeds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The department data categories the generator writes, with their field names in the order of the default catalogue
 * ({@code exchange/categories.yaml}); a test keeps the two in step.
 */
public enum FeedCategory {
    MEDICAL_SETTLEMENT(
            "medical_settlement",
            "id_number",
            "name",
            "settle_date",
            "kind",
            "total_cost",
            "fund_paid",
            "out_of_pocket",
            "in_scope_out_of_pocket"),
    MEDICAL_ENROLMENT("medical_enrolment", "id_number", "name", "year_start", "enrolled", "subsidised"),
    SERIOUS_ILLNESS(
            "serious_illness", "id_number", "name", "diagnosis_date", "disease_code", "disease_name", "category"),
    MINIMUM_LIVING_ALLOWANCE(
            "minimum_living_allowance",
            "id_number",
            "name",
            "household_number",
            "start_date",
            "end_date",
            "monthly_amount"),
    EXTREME_POVERTY_SUPPORT("extreme_poverty_support", "id_number", "name", "start_date", "end_date"),
    TEMPORARY_ASSISTANCE("temporary_assistance", "household_number", "date", "amount", "reason"),
    DISABILITY_SUBSIDY("disability_subsidy", "id_number", "name", "start_date", "kind", "amount"),
    DISABILITY_CERTIFICATE("disability_certificate", "id_number", "name", "issue_date", "type", "grade"),
    SCHOOL_STATUS("school_status", "id_number", "name", "school_year_start", "stage", "status", "school"),
    STUDENT_AID("student_aid", "id_number", "name", "school_year_start", "amount", "non_compulsory_cost"),
    EMPLOYMENT_STATUS("employment_status", "id_number", "name", "status", "since_date", "place", "monthly_wage"),
    PENSION_INSURANCE(
            "pension_insurance", "id_number", "name", "year_start", "enrolled", "receiving", "monthly_amount"),
    HOUSING_SAFETY("housing_safety", "household_number", "appraisal_date", "grade", "renovated_date"),
    DRINKING_WATER("drinking_water", "village_code", "household_number", "date", "status", "days_interrupted"),
    DISASTER_LOSS("disaster_loss", "household_number", "event_date", "disaster_type", "loss_amount"),
    DEATH_RECORD("death_record", "id_number", "name", "death_date"),
    VEHICLE_REGISTRATION("vehicle_registration", "id_number", "name", "reg_date", "vehicle_type", "value"),
    BUSINESS_REGISTRATION(
            "business_registration",
            "id_number",
            "name",
            "reg_date",
            "entity_type",
            "entity_name",
            "registered_capital"),
    REAL_ESTATE("real_estate", "id_number", "name", "reg_date", "location_code", "area_m2", "kind"),
    PUBLIC_PAYROLL("public_payroll", "id_number", "name", "since_date", "employer"),
    AGRICULTURAL_LOSS("agricultural_loss", "household_number", "date", "kind", "loss_amount"),
    MICROCREDIT("microcredit", "household_number", "loan_date", "amount", "due_date", "overdue_days"),
    TAXABLE_INCOME("taxable_income", "id_number", "name", "year_start", "amount");

    private final String code;
    private final List<String> fields;

    FeedCategory(String code, String... fields) {
        this.code = code;
        this.fields = List.of(fields);
    }

    /** The catalogue code, e.g. {@code medical_settlement}. */
    public String code() {
        return code;
    }

    /** The field names, in catalogue order. */
    public List<String> fields() {
        return fields;
    }

    /** The columns of every category by code, e.g. for {@link FeedCsvWriter}. */
    public static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (FeedCategory category : values()) {
            columns.put(category.code, category.fields);
        }
        return columns;
    }
}
