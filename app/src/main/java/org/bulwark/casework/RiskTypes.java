package org.bulwark.casework;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.core.casework.RiskType;

/** Risk types as they are kept in a text column: names joined by commas, in the enum's order. */
final class RiskTypes {

    private RiskTypes() {}

    static String join(Set<RiskType> risks) {
        return risks == null || risks.isEmpty()
                ? null
                : EnumSet.copyOf(risks).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<RiskType> parse(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(","))
                .map(RiskType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RiskType.class)));
    }
}
