package org.bulwark.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Direction;
import org.bulwark.core.screening.Evidence;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.Rule;
import org.bulwark.core.screening.RuleFeature;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.bulwark.core.screening.WarningLevel;
import org.bulwark.platform.InvalidInputException;

/**
 * Hits found elsewhere turned back into an engine's result and the inputs a run's warnings are stored from: the
 * households' villages, and the record ids behind each feature, numbered per category as a run's record tables are.
 */
final class ClusterHits {

    private final RuleSet rules;
    private final List<ClusterScreening.ClusterHit> hits;
    private final HouseholdTable.Builder households = HouseholdTable.builder();
    private final Map<Long, Integer> householdIndex = new HashMap<>();
    private final Map<String, List<Long>> recordIds = new HashMap<>();

    ClusterHits(RuleSet rules, List<ClusterScreening.ClusterHit> hits) {
        this.rules = rules;
        this.hits = hits;
        for (ClusterScreening.ClusterHit hit : hits) {
            Rule rule = rules.rule(hit.ruleId())
                    .orElseThrow(() -> refused("rule " + hit.ruleId() + " is not among the rules in force"));
            if (!rule.version().equals(hit.ruleVersion())) {
                throw refused("rule " + hit.ruleId() + " is in force in version " + rule.version()
                        + ", the hits are of " + hit.ruleVersion());
            }
            checkAsTheRuleSays(rule, hit);
        }
    }

    /**
     * A hit's direction and risk type are its rule's, and its level the rule's fixed level or, where the rule chooses
     * one per household, one of the levels; a file that says otherwise was not written by the job from these rules,
     * and is refused naming the hit rather than read as something the rule never gives.
     */
    private static void checkAsTheRuleSays(Rule rule, ClusterScreening.ClusterHit hit) {
        boolean levelFixed =
                Arrays.stream(WarningLevel.values()).anyMatch(l -> l.code().equals(rule.level()));
        boolean levelAsTheRule = levelFixed
                ? rule.level().toUpperCase(Locale.ROOT).equals(hit.level())
                : Arrays.stream(WarningLevel.values()).anyMatch(l -> l.name().equals(hit.level()));
        if (!rule.direction().name().equals(hit.direction())
                || !rule.riskType().equals(hit.riskType())
                || !levelAsTheRule) {
            String subject = hit.householdId() != null ? "household " + hit.householdId() : "person " + hit.idNumber();
            throw InvalidInputException.of(
                    "hits",
                    "hit_not_as_its_rule",
                    "the hit of rule " + hit.ruleId() + " for " + subject + " says " + hit.direction() + "/"
                            + hit.riskType() + "/" + hit.level() + ", the rule " + rule.direction() + "/"
                            + rule.riskType() + "/" + rule.level());
        }
    }

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of("hits", "hits_not_of_rules_in_force", message);
    }

    /**
     * The as-of date of the hits: each deadline less its rule's deadline days; all must agree, with {@code given} too
     * when given. Null when there are no hits and none is given.
     */
    LocalDate asOf(LocalDate given) {
        LocalDate asOf = given;
        for (ClusterScreening.ClusterHit hit : hits) {
            LocalDate date = hit.deadline()
                    .minusDays(rules.rule(hit.ruleId()).orElseThrow().deadlineDays());
            if (asOf != null && !asOf.equals(date)) {
                throw InvalidInputException.of(
                        "hits", "hits_of_several_dates", "hits as of " + date + " and " + asOf + " together");
            }
            asOf = date;
        }
        return asOf;
    }

    /** The hits as the engine's result of a run as of the date. */
    ScreeningResult result(String province, LocalDate asOf) {
        List<Hit> registered = new ArrayList<>();
        List<UnregisteredHit> unregistered = new ArrayList<>();
        for (ClusterScreening.ClusterHit hit : hits) {
            Evidence evidence = evidence(hit);
            Rule rule = rules.rule(hit.ruleId()).orElseThrow();
            Direction direction = rule.direction();
            WarningLevel level = WarningLevel.valueOf(hit.level());
            if (hit.householdId() != null) {
                registered.add(new Hit(
                        household(hit),
                        hit.householdId(),
                        hit.ruleId(),
                        hit.ruleVersion(),
                        direction,
                        hit.riskType(),
                        level,
                        hit.deadline(),
                        evidence));
            } else {
                unregistered.add(new UnregisteredHit(
                        hit.idNumber(),
                        hit.regionCode(),
                        hit.ruleId(),
                        hit.ruleVersion(),
                        direction,
                        hit.riskType(),
                        level,
                        hit.deadline(),
                        evidence));
            }
        }
        return new ScreeningResult(
                rules.version(),
                rules.parameters(province, asOf.getYear()),
                asOf,
                registered,
                unregistered,
                householdIndex.size(),
                0,
                0);
    }

    /**
     * The household's index among the hits' households; the warning store reads only its village from the table
     * (the category and incomes are not part of a warning), so those are placeholders.
     */
    private int household(ClusterScreening.ClusterHit hit) {
        return householdIndex.computeIfAbsent(
                hit.householdId(), id -> households.add(id, hit.regionCode(), HouseholdCategory.values()[0], 0, 0, 0));
    }

    /**
     * The evidence as the engine gives it: feature values back to Double, Boolean, or String (a household's
     * category, never a number's or a truth value's text), and each feature's record ids appended to its category's.
     */
    private Evidence evidence(ClusterScreening.ClusterHit hit) {
        Map<String, Object> features = new LinkedHashMap<>();
        hit.features().forEach((name, text) -> features.put(name, value(text)));
        Map<String, ContributingRecords> records = new LinkedHashMap<>();
        List<RuleFeature> written = rules.features(hit.ruleId());
        hit.records().forEach((feature, ids) -> {
            String category = written.stream()
                    .filter(f -> f.name().equals(feature) && f.category() != null)
                    .map(RuleFeature::category)
                    .findFirst()
                    .orElseThrow(
                            () -> refused("feature " + feature + " of rule " + hit.ruleId() + " reads no records"));
            List<Long> categoryIds = recordIds.computeIfAbsent(category, c -> new ArrayList<>());
            int[] rows = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                rows[i] = categoryIds.size();
                categoryIds.add(ids[i]);
            }
            records.put(feature, new ContributingRecords(category, rows));
        });
        return new Evidence(hit.parameters(), features, records);
    }

    private static Object value(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The inputs the warnings are stored from: the hits' households and record ids. */
    ScreeningData.Input input() {
        Map<String, long[]> ids = new HashMap<>();
        recordIds.forEach((category, list) ->
                ids.put(category, list.stream().mapToLong(Long::longValue).toArray()));
        return new ScreeningData.Input(households.build(), PersonTable.empty(), Map.of(), ids, 0);
    }

    /** Each hit's (subject, rule) key. */
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        hits.forEach(hit -> keys.add(key(hit.householdId(), hit.idNumber(), hit.ruleId())));
        return keys;
    }

    static String key(Long householdId, String idNumber, String ruleId) {
        return (householdId != null ? "h" + householdId : "p" + idNumber) + " " + ruleId;
    }
}
