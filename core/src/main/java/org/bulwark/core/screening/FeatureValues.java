package org.bulwark.core.screening;

import org.bulwark.core.registry.HouseholdCategory;

/**
 * A hit's feature values: numbers as Double, flags as Boolean (stored as 0/1), the household category as its name
 * (stored as the ordinal).
 */
final class FeatureValues extends FixedKeyMap<Object> {

    private static final HouseholdCategory[] CATEGORIES = HouseholdCategory.values();

    private final FieldType[] types;
    private final double[] values;

    FeatureValues(String[] names, FieldType[] types, double[] values) {
        super(names);
        this.types = types;
        this.values = values;
    }

    @Override
    Object valueAt(int index) {
        return switch (types[index]) {
            case NUMBER -> values[index];
            case FLAG -> values[index] != 0;
            case TEXT -> CATEGORIES[(int) values[index]].name();
        };
    }
}
