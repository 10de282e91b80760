package org.bulwark.spark.screen;

import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.core.screening.RuleSet;

/** Rule files parsed once per JVM: every task of an executor screens with the same compiled rule set. */
final class Rules {

    private static final Map<String, RuleSet> PARSED = new ConcurrentHashMap<>();

    private Rules() {}

    static RuleSet of(String text, String sourceName) {
        return PARSED.computeIfAbsent(text, t -> RuleSet.load(new StringReader(t), sourceName));
    }
}
