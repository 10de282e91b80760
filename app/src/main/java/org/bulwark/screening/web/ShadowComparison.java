package org.bulwark.screening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.bulwark.core.screening.Rule;
import org.bulwark.screening.RunReport;

/**
 * A shadow run read side by side with the rules in force: each rule by its title and each township by its name, with
 * how many households the draft would flag more or fewer — what the county weighs before it changes a threshold.
 */
record ShadowComparison(List<Line> byRule, List<Line> byTownship, Line total) {

    /** One row: a rule's title or a township's name, hits under the rules in force and under the draft. */
    record Line(String code, String label, int active, int draft) {
        public int difference() {
            return draft - active;
        }
    }

    static ShadowComparison of(
            List<Rule> rules, RunReport active, RunReport draft, UnaryOperator<String> townshipName, Locale locale) {
        List<Line> byRule = new ArrayList<>();
        for (Rule rule : rules) {
            byRule.add(new Line(
                    rule.id(),
                    rule.title(locale),
                    active.hitsByRule().getOrDefault(rule.id(), 0),
                    draft.hitsByRule().getOrDefault(rule.id(), 0)));
        }
        List<Line> byTownship = new ArrayList<>();
        TreeSet<String> townships = new TreeSet<>(active.hitsByTownship().keySet());
        townships.addAll(draft.hitsByTownship().keySet());
        for (String township : townships) {
            byTownship.add(new Line(
                    township,
                    townshipName.apply(township),
                    active.hitsByTownship().getOrDefault(township, 0),
                    draft.hitsByTownship().getOrDefault(township, 0)));
        }
        return new ShadowComparison(byRule, byTownship, new Line("", "", active.hits(), draft.hits()));
    }
}
