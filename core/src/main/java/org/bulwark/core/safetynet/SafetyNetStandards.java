package org.bulwark.core.safetynet;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Allowance and support standards per region and year. A county may set its own standard above its province's, so
 * the lookup takes the most specific region whose code the household's region starts with, for that very year: a
 * standard of another year never stands in, since standards are set anew each year.
 */
public final class SafetyNetStandards {

    private final List<SafetyNetStandard> standards;

    private SafetyNetStandards(List<SafetyNetStandard> standards) {
        this.standards = List.copyOf(standards);
    }

    /** These standards; a later one of the same region and year replaces an earlier one. */
    public static SafetyNetStandards of(List<SafetyNetStandard> standards) {
        List<SafetyNetStandard> kept = new ArrayList<>();
        for (SafetyNetStandard s : standards) {
            kept.removeIf(s::sameSlot);
            kept.add(s);
        }
        return new SafetyNetStandards(kept);
    }

    /** The standards of a YAML file: {@code standards: [{region, year, allowance, support, source, demo}]}. */
    public static SafetyNetStandards load(Reader yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> map) || !(map.get("standards") instanceof List<?> list)) {
            throw new IllegalArgumentException("a standards file needs a list 'standards'");
        }
        List<SafetyNetStandard> read = new ArrayList<>();
        for (Object entry : list) {
            read.add(entry((Map<?, ?>) entry));
        }
        return of(read);
    }

    private static SafetyNetStandard entry(Map<?, ?> e) {
        Object support = e.get("support");
        return new SafetyNetStandard(
                String.valueOf(e.get("region")),
                ((Number) e.get("year")).intValue(),
                new BigDecimal(String.valueOf(e.get("allowance"))),
                support == null ? null : new BigDecimal(String.valueOf(support)),
                String.valueOf(e.get("source")),
                Boolean.TRUE.equals(e.get("demo")));
    }

    /** These standards with {@code edits} replacing those of the same region and year, or added. */
    public SafetyNetStandards with(List<SafetyNetStandard> edits) {
        List<SafetyNetStandard> all = new ArrayList<>(standards);
        all.addAll(edits);
        return of(all);
    }

    /** The standard that applies to a region (any code from a province's 2 digits to a village's 12) in a year. */
    public Optional<SafetyNetStandard> find(String regionCode, int year) {
        return standards.stream()
                .filter(s -> s.year() == year && s.covers(regionCode))
                .max(Comparator.comparingInt(s -> s.regionCode().length()));
    }

    /** Every standard, by region and then year. */
    public List<SafetyNetStandard> all() {
        return standards.stream()
                .sorted(Comparator.comparing(SafetyNetStandard::regionCode).thenComparing(SafetyNetStandard::year))
                .toList();
    }
}
