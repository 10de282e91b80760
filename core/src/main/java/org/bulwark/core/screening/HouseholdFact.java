package org.bulwark.core.screening;

/** Facts about a household that a rule can use as a feature, read from the household and person tables. */
enum HouseholdFact {
    NET_INCOME("net_income", FieldType.NUMBER, false),
    NET_INCOME_PREVIOUS("net_income_previous", FieldType.NUMBER, false),
    MEMBERS("members", FieldType.NUMBER, false),
    /** Formerly poor or monitored; false for a person who is not registered. */
    MONITORED_OR_ASSISTED("monitored_or_assisted", FieldType.FLAG, true),
    /** FORMERLY_POOR, MONITORED or ORDINARY; ORDINARY for a person who is not registered. */
    CATEGORY("category", FieldType.TEXT, true),
    ABLE_BODIED_MEMBERS("able_bodied_members", FieldType.NUMBER, false),
    MAIN_LABOURERS("main_labourers", FieldType.NUMBER, false);

    private final String code;
    private final FieldType type;
    private final boolean knownWithoutRegistry;

    HouseholdFact(String code, FieldType type, boolean knownWithoutRegistry) {
        this.code = code;
        this.type = type;
        this.knownWithoutRegistry = knownWithoutRegistry;
    }

    String code() {
        return code;
    }

    FieldType type() {
        return type;
    }

    /** Whether the fact has a meaningful value for a person who is not in the registry. */
    boolean knownWithoutRegistry() {
        return knownWithoutRegistry;
    }

    static HouseholdFact fromCode(String code) {
        for (HouseholdFact fact : values()) {
            if (fact.code.equals(code)) {
                return fact;
            }
        }
        return null;
    }
}
