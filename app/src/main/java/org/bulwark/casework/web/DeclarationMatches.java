package org.bulwark.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.casework.Declaration;
import org.bulwark.casework.DeclarationStatus;
import org.bulwark.registry.HouseholdSearch;
import org.bulwark.registry.HouseholdSummary;
import org.bulwark.registry.Registry;

/**
 * The registered households a declaration may be about, found from what the resident gave — identity number first,
 * then the name within the declared village — so that staff accept with one click instead of looking up a
 * 16-digit household number.
 */
final class DeclarationMatches {

    /** Suggestions are worked out for this many declarations waiting at the top of the list. */
    static final int DECLARATIONS_MATCHED = 50;

    private static final int PER_DECLARATION = 3;

    private final Registry registry;

    DeclarationMatches(Registry registry) {
        this.registry = registry;
    }

    /** For each waiting declaration (up to {@link #DECLARATIONS_MATCHED}), its likely households, best first. */
    Map<Long, List<HouseholdSummary>> of(List<Declaration> declarations) {
        Map<Long, List<HouseholdSummary>> matches = new LinkedHashMap<>();
        declarations.stream()
                .filter(d -> d.status() == DeclarationStatus.RECEIVED)
                .limit(DECLARATIONS_MATCHED)
                .forEach(d -> matches.put(d.id(), likely(d)));
        return matches;
    }

    /** The households a typed name, identity number or household number finds in the declaration's village. */
    List<HouseholdSummary> typed(Declaration declaration, String text) {
        String region = text.strip().matches("[0-9]{16}") ? null : declaration.villageCode();
        return registry.search(new HouseholdSearch(text.strip(), region, null, 0, 10))
                .items();
    }

    private List<HouseholdSummary> likely(Declaration d) {
        List<HouseholdSummary> found = new ArrayList<>();
        if (d.idNumber() != null && !d.idNumber().isBlank()) {
            add(
                    found,
                    registry.search(new HouseholdSearch(d.idNumber(), null, null, 0, PER_DECLARATION))
                            .items());
        }
        if (d.declarantName() != null && !d.declarantName().isBlank() && d.villageCode() != null) {
            add(
                    found,
                    registry.search(new HouseholdSearch(d.declarantName(), d.villageCode(), null, 0, PER_DECLARATION))
                            .items());
        }
        return found.size() > PER_DECLARATION ? found.subList(0, PER_DECLARATION) : found;
    }

    private static void add(List<HouseholdSummary> found, List<HouseholdSummary> more) {
        for (HouseholdSummary h : more) {
            if (found.stream().noneMatch(f -> f.id() == h.id())) {
                found.add(h);
            }
        }
    }
}
