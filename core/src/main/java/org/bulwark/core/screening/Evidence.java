package org.bulwark.core.screening;

import java.util.Map;

/**
 * Why a rule hit: the parameter values it used, the value of each of its features for the household (Double,
 * Boolean, or String for the category), and the records behind each aggregation feature.
 */
public record Evidence(
        Map<String, Double> parameters, Map<String, Object> features, Map<String, ContributingRecords> records) {}
