package org.bulwark.core.screening;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/** The kinds of value a rule can read: numbers (always double), text, and flags (booleans). */
enum FieldType {
    NUMBER("number", SimpleType.DOUBLE),
    TEXT("text", SimpleType.STRING),
    FLAG("flag", SimpleType.BOOL);

    private final String code;
    private final CelType celType;

    FieldType(String code, CelType celType) {
        this.code = code;
        this.celType = celType;
    }

    String code() {
        return code;
    }

    CelType celType() {
        return celType;
    }

    static FieldType fromCode(String code) {
        for (FieldType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
