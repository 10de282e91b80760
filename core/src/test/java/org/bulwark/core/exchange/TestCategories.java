package org.bulwark.core.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small categories built in code, so validator tests do not depend on the shipped catalogue's content. */
final class TestCategories {

    private TestCategories() {}

    /** A person-keyed settlement with one field of every type and range. */
    static CategorySchema settlement() {
        return new CategorySchema(
                "settlement",
                "medical_security",
                "医疗保障局",
                "医疗费用结算",
                List.of(KeyType.PERSON),
                "name",
                "settle_date",
                "cost",
                Period.EVENT,
                List.of(
                        text("id_number", "身份证号", true),
                        text("name", "姓名", true),
                        new FieldSpec("settle_date", "结算日期", FieldType.DATE, true, null, null, null),
                        new FieldSpec(
                                "kind",
                                "就诊类型",
                                FieldType.CHOICE,
                                true,
                                List.of("inpatient", "outpatient", "special_outpatient"),
                                null,
                                null,
                                false,
                                null,
                                Map.of("inpatient", "住院", "outpatient", "门诊", "special_outpatient", "门诊特殊病")),
                        new FieldSpec(
                                "cost",
                                "费用",
                                FieldType.DECIMAL,
                                false,
                                null,
                                BigDecimal.ZERO,
                                new BigDecimal("1000000")),
                        new FieldSpec(
                                "grade", "等级", FieldType.INTEGER, false, null, BigDecimal.ONE, BigDecimal.valueOf(4)),
                        new FieldSpec("insured", "是否参保", FieldType.BOOLEAN, false, null, null, null),
                        new FieldSpec("due_date", "到期日期", FieldType.DATE, false, null, null, null, true, null),
                        text("remark", "备注", false)));
    }

    /** A category keyed by village or household, without a name. */
    static CategorySchema water() {
        return new CategorySchema(
                "water",
                "water_resources",
                "水利局",
                "农村饮水安全",
                List.of(KeyType.VILLAGE, KeyType.HOUSEHOLD),
                null,
                "date",
                null,
                Period.EVENT,
                List.of(
                        text("village_code", "村级区划代码", false),
                        text("household_number", "户编号", false),
                        new FieldSpec("date", "监测日期", FieldType.DATE, true, null, null, null)));
    }

    private static FieldSpec text(String name, String label, boolean required) {
        return new FieldSpec(name, label, FieldType.TEXT, required, null, null, null);
    }
}
