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
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "姓名", before.name(), after.name());
        compare(fields, "与户主关系", word("relation", before.relation()), word("relation", after.relation()));
        compare(fields, "文化程度", word("education", before.education()), word("education", after.education()));
        compare(fields, "在校情况", word("schooling", before.schooling()), word("schooling", after.schooling()));
        compare(fields, "健康状况", word("health", before.health()), word("health", after.health()));
        compare(fields, "残疾等级", word("disability", before.disability()), word("disability", after.disability()));
        compare(
                fields,
                "劳动能力",
                word("labour_capacity", before.labourCapacity()),
                word("labour_capacity", after.labourCapacity()));
        compare(fields, "务工状况", word("employment", before.employment()), word("employment", after.employment()));
        compare(
                fields,
                "务工地点",
                word("employment_place", before.employmentPlace()),
                word("employment_place", after.employmentPlace()));
        compare(fields, "务工时间（月）", text(before.employmentMonths()), text(after.employmentMonths()));
        compare(fields, "参加基本医疗保险", yes(before.medicalInsured()), yes(after.medicalInsured()));
        compare(fields, "参加基本养老保险", yes(before.pensionInsured()), yes(after.pensionInsured()));
        return fields;
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
