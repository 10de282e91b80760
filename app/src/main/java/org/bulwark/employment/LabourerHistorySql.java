package org.bulwark.employment;

/** The statement that copies labourer rows (a table or a data-modifying CTE) into their history. */
final class LabourerHistorySql {

    static final String STATE_COLUMNS = "person_id, household_id, village_code, labour_capacity, in_work, place,"
            + " work_mode, employer_id, since_date, months_worked, months_year, monthly_wage, skills, training,"
            + " wish_reach, wish_kinds, wish_min_wage, source, source_record_id";

    private LabourerHistorySql() {}

    /**
     * Inserts one history row per row of {@code rows}, with the change and who made it ({@code changedBy}: a
     * column or parameter of the statement).
     */
    static String insertFrom(String rows, LabourerChange.Kind change, String changedBy) {
        return "insert into labourer_history (" + STATE_COLUMNS + ", change, changed_by) select " + STATE_COLUMNS
                + ", '" + change.name() + "', " + changedBy + " from " + rows;
    }
}
