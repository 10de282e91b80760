package org.bulwark.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bulwark.onboarding.ImportPreview.FieldChange;
import org.bulwark.registry.ImportedPerson;
import org.bulwark.registry.Person;

/** The fields in which a person of the file differs from the registry's, in the template's words. */
final class PersonDiff {

    private PersonDiff() {}

    static List<FieldChange> of(Person before, ImportedPerson after) {
        List<FieldChange> fields = new ArrayList<>(0);
        compare(fields, "姓名", before.name(), after.name());
        choice(fields, "与户主关系", "relation", before.relation(), after.relation());
        choice(fields, "文化程度", "education", before.education(), after.education());
        choice(fields, "在校情况", "schooling", before.schooling(), after.schooling());
        choice(fields, "健康状况", "health", before.health(), after.health());
        choice(fields, "残疾等级", "disability", before.disability(), after.disability());
        choice(fields, "劳动能力", "labour_capacity", before.labourCapacity(), after.labourCapacity());
        choice(fields, "务工状况", "employment", before.employment(), after.employment());
        choice(fields, "务工地点", "employment_place", before.employmentPlace(), after.employmentPlace());
        if (!Objects.equals(before.employmentMonths(), after.employmentMonths())) {
            fields.add(new FieldChange("务工时间（月）", text(before.employmentMonths()), text(after.employmentMonths())));
        }
        if (before.medicalInsured() != after.medicalInsured()) {
            fields.add(new FieldChange("参加基本医疗保险", yes(before.medicalInsured()), yes(after.medicalInsured())));
        }
        if (before.pensionInsured() != after.pensionInsured()) {
            fields.add(new FieldChange("参加基本养老保险", yes(before.pensionInsured()), yes(after.pensionInsured())));
        }
        return fields;
    }

    /**
     * A choice compared by its value and put in the template's words only where it differs: two values have the same
     * word only if they are the same (a template's word stands for one choice), and most persons of a file are
     * unchanged.
     */
    private static void choice(List<FieldChange> fields, String column, String field, Enum<?> before, Enum<?> after) {
        if (before != after) {
            fields.add(new FieldChange(column, word(field, before), word(field, after)));
        }
    }

    static void compare(List<FieldChange> fields, String column, String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!Objects.equals(b, a)) {
            fields.add(new FieldChange(column, b, a));
        }
    }

    private static String word(String field, Enum<?> value) {
        return MembersPlan.word(field, value);
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String yes(boolean value) {
        return value ? "是" : "否";
    }
}
