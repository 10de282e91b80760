package org.bulwark.core.screening;

/**
 * A value per household that rules test: a household fact or an aggregation over records. Identical definitions in
 * different rules are one feature, computed once per run; its slot is where frames keep its values.
 */
sealed interface Feature permits FactFeature, AggregateFeature {

    int slot();

    FieldType type();
}
