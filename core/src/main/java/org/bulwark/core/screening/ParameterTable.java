package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parameter values by province and year: {@code default} declares every parameter; a province (two-digit code) may
 * override some in its own {@code default} and per year. Resolution: rule-file default, then the province default,
 * then the province's year.
 */
final class ParameterTable {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final String DEFAULT = "default";

    private final Map<String, Double> defaults;
    private final Map<String, Map<String, Double>> provinceDefaults = new HashMap<>();
    private final Map<String, Map<Integer, Map<String, Double>>> provinceYears = new HashMap<>();

    private ParameterTable(Map<String, Double> defaults) {
        this.defaults = defaults;
    }

    static ParameterTable parse(SourceNode node) {
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (Map.Entry<String, SourceNode> entry : node.get(DEFAULT).entries().entrySet()) {
            if (!CategorySchema.NAME.matcher(entry.getKey()).matches()) {
                throw entry.getValue()
                        .problem("parameter name '" + entry.getKey() + "' must be lower case letters, digits and _");
            }
            defaults.put(entry.getKey(), entry.getValue().number());
        }
        ParameterTable table = new ParameterTable(defaults);
        for (Map.Entry<String, SourceNode> entry : node.entries().entrySet()) {
            if (entry.getKey().equals(DEFAULT)) {
                continue;
            }
            if (!PROVINCE.matcher(entry.getKey()).matches()) {
                throw entry.getValue()
                        .problem("parameters are given per province by its two-digit code (\"52\"), " + "not '"
                                + entry.getKey() + "'");
            }
            table.parseProvince(entry.getKey(), entry.getValue());
        }
        return table;
    }

    private void parseProvince(String province, SourceNode node) {
        for (Map.Entry<String, SourceNode> entry : node.entries().entrySet()) {
            Map<String, Double> values = overrides(entry.getValue());
            if (entry.getKey().equals(DEFAULT)) {
                provinceDefaults.put(province, values);
                continue;
            }
            int year;
            try {
                year = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw entry.getValue()
                        .problem("parameters of province " + province + " are given per year or as default, not '"
                                + entry.getKey() + "'");
            }
            provinceYears.computeIfAbsent(province, p -> new HashMap<>()).put(year, values);
        }
    }

    private Map<String, Double> overrides(SourceNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, SourceNode> entry : node.entries().entrySet()) {
            if (!defaults.containsKey(entry.getKey())) {
                throw entry.getValue()
                        .problem("unknown parameter '" + entry.getKey() + "': every parameter must have a default");
            }
            values.put(entry.getKey(), entry.getValue().number());
        }
        return values;
    }

    /** Where the value of a parameter for a province (any region code) and year comes from. */
    ParameterSource source(String regionCode, int year, String name) {
        String province = regionCode.substring(0, 2);
        if (provinceYears
                .getOrDefault(province, Map.of())
                .getOrDefault(year, Map.of())
                .containsKey(name)) {
            return ParameterSource.PROVINCE_YEAR;
        }
        return provinceDefaults.getOrDefault(province, Map.of()).containsKey(name)
                ? ParameterSource.PROVINCE_DEFAULT
                : ParameterSource.FILE_DEFAULT;
    }

    /** The years for which the province (any region code) gives values of its own, in order. */
    SortedSet<Integer> years(String regionCode) {
        return new TreeSet<>(
                provinceYears.getOrDefault(regionCode.substring(0, 2), Map.of()).keySet());
    }

    List<String> names() {
        return new ArrayList<>(defaults.keySet());
    }

    /** The values for a province (the first two digits of any region code) and a year. */
    Parameters resolve(String regionCode, int year) {
        if (regionCode == null || regionCode.length() < 2) {
            throw new IllegalArgumentException("a province code has two digits, not " + regionCode);
        }
        String province = regionCode.substring(0, 2);
        Map<String, Double> values = new LinkedHashMap<>(defaults);
        values.putAll(provinceDefaults.getOrDefault(province, Map.of()));
        values.putAll(provinceYears.getOrDefault(province, Map.of()).getOrDefault(year, Map.of()));
        return new Parameters(province, year, values);
    }
}
