package org.bulwark.core.screening;

import java.util.List;

/**
 * A rule ready to run: its features under their names in the rule, the compiled condition and level, the parameters it
 * reads anywhere (for evidence), and whether it can run for persons who are not in the registry.
 */
record CompiledRule(
        Rule rule,
        List<NamedFeature> features,
        BoolNode when,
        LevelNode level,
        List<String> parameters,
        boolean appliesToUnregistered) {

    /** A feature under the name a rule gives it, with its definition as the file writes it. */
    record NamedFeature(String name, Feature feature, RuleFeature written) {}
}
