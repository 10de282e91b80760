package org.bulwark.core.screening;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameter values of one province and year, every parameter of the rule set present. */
public record Parameters(String provinceCode, int year, Map<String, Double> values) {

    /** Keeps the values in the rule file's order, unmodifiable. */
    public Parameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a parameter; an error for a name the rule set does not declare. */
    public double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return value;
    }
}
