package org.bulwark.employment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.core.employment.EmploymentWords;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;

/**
 * The import files' templates (Excel with the Chinese headers of {@link EmploymentColumns}, a sample row, drop-down
 * lists of the choices' words and a sheet explaining each column), for the page's download.
 */
public final class EmploymentTemplates {

    /** The employers file. */
    public static final TableTemplate EMPLOYERS = new TableTemplate(
            "用工主体",
            List.of(
                    choice("kind", EmploymentColumns.EMPLOYER.get("kind"), EmployerKind.class, "WORKSHOP"),
                    text("name", EmploymentColumns.EMPLOYER.get("name"), true, "沙子镇保家村帮扶车间"),
                    text("credit_code", EmploymentColumns.EMPLOYER.get("creditCode"), false, "91350100M000100Y43"),
                    text("region_code", EmploymentColumns.EMPLOYER.get("regionCode"), true, "522324101209"),
                    text("contact_name", EmploymentColumns.EMPLOYER.get("contactName"), false, "罗师傅"),
                    text("contact_phone", EmploymentColumns.EMPLOYER.get("contactPhone"), false, "13800001234")));

    /** The postings file. */
    public static final TableTemplate POSTINGS = new TableTemplate(
            "招聘岗位",
            List.of(
                    text("employer", EmploymentColumns.POSTING.get("employerId"), true, "沙子镇保家村帮扶车间"),
                    text("title", EmploymentColumns.POSTING.get("title"), true, "缝纫工"),
                    text("region_code", EmploymentColumns.POSTING.get("regionCode"), true, "522324101209"),
                    choice("work_kind", EmploymentColumns.POSTING.get("workKind"), WorkKind.class, "HANDICRAFT"),
                    text("skills", EmploymentColumns.POSTING.get("skills"), false, "缝纫、电子商务"),
                    number(
                            "monthly_wage",
                            EmploymentColumns.POSTING.get("monthlyWage"),
                            FieldType.DECIMAL,
                            true,
                            "2800"),
                    number(
                            "hours_per_week",
                            EmploymentColumns.POSTING.get("hoursPerWeek"),
                            FieldType.INTEGER,
                            false,
                            "40"),
                    number("openings", EmploymentColumns.POSTING.get("openings"), FieldType.INTEGER, true, "12"),
                    date("open_from", EmploymentColumns.POSTING.get("openFrom"), true, "2026-11-01"),
                    date("open_to", EmploymentColumns.POSTING.get("openTo"), false, null),
                    text("state", EmploymentColumns.POSTING.get("state"), false, "招聘中")));

    private EmploymentTemplates() {}

    private static FieldSpec text(String name, String label, boolean required, String example) {
        return new FieldSpec(name, label, FieldType.TEXT, required, List.of(), null, null, false, example);
    }

    private static FieldSpec number(String name, String label, FieldType type, boolean required, String example) {
        return new FieldSpec(name, label, type, required, List.of(), BigDecimal.ZERO, null, false, example);
    }

    private static FieldSpec date(String name, String label, boolean required, String example) {
        return new FieldSpec(name, label, FieldType.DATE, required, List.of(), null, null, true, example);
    }

    private static <E extends Enum<E>> FieldSpec choice(String name, String label, Class<E> type, String example) {
        Map<String, String> words = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            words.put(value.name(), EmploymentWords.word(value));
        }
        return new FieldSpec(
                name, label, FieldType.CHOICE, true, List.copyOf(words.keySet()), null, null, false, example, words);
    }
}
