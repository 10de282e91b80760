package org.bulwark.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A warning's evidence as the file shows it: the figures the rule computed for the household, the parameter values
 * it compared them with, and the department records behind each figure.
 */
public record WarningEvidence(Map<String, String> features, Map<String, String> parameters, List<Source> sources) {

    /** The records of one category behind a figure. */
    public record Source(String feature, String category, List<Long> recordIds) {
    }

    /** Reads the evidence as screening stored it; an evidence that does not read shows as empty. */
    static WarningEvidence parse(ObjectMapper json, String evidence) {
        Map<String, String> features = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        if (evidence == null || evidence.isBlank()) {
            return new WarningEvidence(features, parameters, sources);
        }
        JsonNode root = json.readTree(evidence);
        values(root.path("features"), features);
        values(root.path("parameters"), parameters);
        root.path("records").properties().forEach(e -> {
            List<Long> ids = new ArrayList<>();
            e.getValue().path("recordIds").forEach(n -> ids.add(n.asLong()));
            sources.add(new Source(e.getKey(), e.getValue().path("category").asString(), ids));
        });
        return new WarningEvidence(features, parameters, sources);
    }

    private static void values(JsonNode node, Map<String, String> into) {
        node.properties().forEach(e -> into.put(e.getKey(), text(e.getValue())));
    }

    /** Figures rounded to two places: a mean of 4,523.333… reads as 4,523.33. */
    private static String text(JsonNode value) {
        if (value.isNumber()) {
            java.math.BigDecimal d = value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return value.asString();
    }
}
