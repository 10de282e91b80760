package org.bulwark.core.screening;

import java.io.StringReader;

/** Small rule files for tests: a fixed header (one category, a few parameters) followed by the rules given. */
final class RuleFiles {

    /** Lines before the first rule; a rule starting on the next line is on line {@link #FIRST_RULE_LINE}. */
    static final String HEADER = """
            version: "t1"
            effective_from: 2026-01-01
            categories:
              medical_settlement:
                key: person
                date: settle_date
                fields: {kind: text, out_of_pocket: number, urgent: flag}
            parameters:
              default:
                line: 8700
                threshold: 5000
              "52":
                default:
                  threshold: 6000
                2026:
                  line: 8900
            rules:
            """;

    static final int FIRST_RULE_LINE = 18;

    private RuleFiles() {}

    static RuleSet load(String rules) {
        return RuleSet.load(new StringReader(HEADER + rules), "test-rules.yaml");
    }

    /** A rule with the given features block (already indented) and condition. */
    static String rule(String id, String features, String when) {
        return "  - id: " + id + "\n"
                + "    title_zh: 测试\n"
                + "    direction: down\n"
                + "    risk_type: illness\n"
                + "    level: orange\n"
                + "    deadline_days: 15\n"
                + "    features:\n" + features
                + "    when: " + when + "\n";
    }

    static final String COST_FEATURE =
            "      - {name: cost, category: medical_settlement, agg: sum, value: out_of_pocket, window: 12}\n"
                    + "      - {name: net_income, fact: net_income}\n"
                    + "      - {name: members, fact: members}\n";
}
