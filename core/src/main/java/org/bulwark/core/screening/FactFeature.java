package org.bulwark.core.screening;

/** A household fact used as a feature. */
record FactFeature(int slot, HouseholdFact fact) implements Feature {

    @Override
    public FieldType type() {
        return fact.type();
    }
}
