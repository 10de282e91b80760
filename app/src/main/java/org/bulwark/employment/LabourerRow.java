package org.bulwark.employment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.LabourCapacity;

/** Reads a labourer's state from a row of {@code labourer} or {@code labourer_history} (the same columns). */
final class LabourerRow {

    private LabourerRow() {}

    static Labourer read(ResultSet rs, String updatedBy, String updatedAt, boolean versioned) throws SQLException {
        Timestamp at = rs.getTimestamp(updatedAt);
        return new Labourer(
                rs.getLong("person_id"),
                rs.getLong("household_id"),
                rs.getString("village_code"),
                LabourCapacity.valueOf(rs.getString("labour_capacity")),
                rs.getBoolean("in_work"),
                named(rs.getString("place"), EmploymentPlace::valueOf),
                named(rs.getString("work_mode"), WorkMode::valueOf),
                rs.getObject("employer_id", Long.class),
                rs.getObject("since_date", LocalDate.class),
                rs.getObject("months_worked", Integer.class),
                rs.getObject("months_year", Integer.class),
                rs.getBigDecimal("monthly_wage"),
                list(rs.getArray("skills"), Skill::valueOf),
                rs.getString("training"),
                named(rs.getString("wish_reach"), Reach::valueOf),
                list(rs.getArray("wish_kinds"), WorkKind::valueOf),
                rs.getBigDecimal("wish_min_wage"),
                LabourSource.valueOf(rs.getString("source")),
                rs.getObject("source_record_id", Long.class),
                rs.getString(updatedBy),
                at == null ? null : at.toInstant(),
                versioned ? rs.getInt("version") : 0);
    }

    static <T> T named(String value, Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }

    static <T> List<T> list(Array array, Function<String, T> parse) throws SQLException {
        List<T> values = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                values.add(parse.apply((String) o));
            }
        }
        return List.copyOf(values);
    }

    static String[] names(List<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(Enum::name).toArray(String[]::new);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
