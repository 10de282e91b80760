package org.bulwark.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.region.RegionCode;
import org.bulwark.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An audit entry in the reader's language: its description (a message key and its arguments, or the free text of an
 * older entry recognised by {@link LegacySummaries}), the labels of the fields of its values before and after, and
 * those values with their codes translated (a step, a status, a role, a region by its name). Pages use it as
 * {@code @auditTexts}.
 */
@Component("auditTexts")
public class AuditTexts {

    /** Message prefixes of the codes a field holds, whatever the object. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("relation", "enum.Relation."),
            Map.entry("education", "enum.Education."),
            Map.entry("health", "enum.Health."),
            Map.entry("disability", "enum.Disability."),
            Map.entry("labourCapacity", "enum.LabourCapacity."),
            Map.entry("employment", "enum.Employment."),
            Map.entry("employmentPlace", "enum.EmploymentPlace."),
            Map.entry("schooling", "enum.Schooling."),
            Map.entry("sex", "audit.value.sex."),
            Map.entry("kind", "casework.kind."),
            Map.entry("step", "casework.step."),
            Map.entry("next", "casework.step."),
            Map.entry("decision", "casework.decision."),
            Map.entry("risks", "casework.risk."),
            Map.entry("riskType", "casework.risk."),
            Map.entry("monitoringType", "casework.type."),
            Map.entry("type", "casework.type."),
            Map.entry("role", "role."),
            Map.entry("permissions", "permission."),
            Map.entry("circumstances", "casework.circumstances."),
            Map.entry("department", "record.department."),
            Map.entry("category", "enum.HouseholdCategory."),
            Map.entry("channel", "casework.channel."));
    /** Message prefixes of the codes whose meaning depends on the object (a case's status is not a warning's). */
    private static final Map<String, String> VALUES_OF_OBJECT = Map.ofEntries(
            Map.entry("case.status", "casework.status."),
            Map.entry("warning.status", "warning.status."),
            Map.entry("plan_measure.status", "casework.measureStatus."),
            Map.entry("plan_measure.category", "casework.measure."),
            Map.entry("declaration.status", "casework.declarationStatus."),
            Map.entry("declaration.channel", "casework.declarationChannel."),
            Map.entry("batch.category", "record.category."),
            Map.entry("batch.status", "exchange.status."),
            Map.entry("monitoring.status", "casework.monitoring."),
            Map.entry("industry_project.kind", "enum.EntityKind."),
            Map.entry("industry_project.industry", "enum.Industry."),
            Map.entry("industry_project.fundingSource", "enum.FundingSource."),
            Map.entry("industry_project.state", "enum.ProjectState."),
            Map.entry("benefit_link.kind", "enum.BenefitKind."),
            Map.entry("benefit_link.projectState", "enum.ProjectState."),
            Map.entry("collective_income.source", "enum.CollectiveIncomeSource."),
            Map.entry("labourer.place", "enum.EmploymentPlace."),
            Map.entry("labourer.workMode", "enum.WorkMode."),
            Map.entry("labourer.skills", "enum.Skill."),
            Map.entry("labourer.wishReach", "enum.Reach."),
            Map.entry("labourer.wishKinds", "enum.WorkKind."),
            Map.entry("labourer.source", "enum.LabourSource."),
            Map.entry("employer.kind", "enum.EmployerKind."),
            Map.entry("posting.workKind", "enum.WorkKind."),
            Map.entry("posting.skills", "enum.Skill."),
            Map.entry("posting.state", "employment.postingState."),
            Map.entry("referral.state", "enum.ReferralState."),
            Map.entry("welfare_post.duty", "enum.WelfareDuty."),
            Map.entry("welfare_post.funding", "enum.WelfareFunding."),
            Map.entry("welfare_post_holder.state", "employment.welfare.holderState."),
            Map.entry("welfare_post_holder.reasons", "employment.welfare.reason."));

    /** Fields that name who wrote a record: the platform's own tasks read as the system, not as their codes. */
    private static final Set<String> AUTHORS = Set.of("createdBy", "updatedBy", "changedBy");

    /** The platform's own actors (its tasks, the public form, the demo seeding) in words; other names as given. */
    String platformActor(String username) {
        if (username.equals("demo-seed")) {
            return message("audit.demoSeed", null, username);
        }
        if (username.equals("public")) {
            return message("audit.public", null, username);
        }
        if (username.equals("system") || username.startsWith("system-")) {
            return message("audit.system", null, username);
        }
        return username;
    }

    private static final String CATEGORY = "record.category.";
    private static final String DEPARTMENT = "record.department.";

    private static final Set<String> REGIONS = Set.of("regionCode", "villageCode", "region", "village");
    private static final Pattern INDEX = Pattern.compile("[0-9]+");

    private final MessageSource messages;
    private final Regions regions;
    private final ObjectMapper json;
    private final DataCatalogue catalogue;
    private final Supplier<List<AuditNames>> names;
    /** Region names by code: a page names the same few villages in many entries, and names do not change. */
    private final Cache<String, String> regionNames =
            Caffeine.newBuilder().maximumSize(20_000).build();

    @Autowired
    AuditTexts(
            MessageSource messages,
            Regions regions,
            ObjectMapper json,
            DataCatalogue catalogue,
            ObjectProvider<AuditNames> names) {
        this.messages = messages;
        this.regions = regions;
        this.json = json;
        this.catalogue = catalogue;
        this.names = () -> names.orderedStream().toList();
    }

    AuditTexts(MessageSource messages, Regions regions, ObjectMapper json, List<AuditNames> names) {
        this.messages = messages;
        this.regions = regions;
        this.json = json;
        this.catalogue = DataCatalogue.defaults();
        this.names = () -> names;
    }

    /** What the entry says happened, in the reader's language; null when it says nothing beyond its action. */
    public String description(AuditEntry e) {
        return description(e.action(), e.entityType(), e.summary(), e.summaryKey(), e.summaryArgs());
    }

    /** As {@link #description(AuditEntry)}, for an entry as its reader sees it. */
    public String description(AuditView v) {
        return description(v.action(), v.entityType(), v.summary(), v.summaryKey(), v.summaryArgs());
    }

    String description(AuditAction action, String entityType, String summary, String key, String argsJson) {
        if (key != null) {
            List<Object> args = new ArrayList<>();
            if (argsJson != null) {
                json.readTree(argsJson).forEach(a -> args.add(a.isObject() ? a : a.asString()));
            }
            return render(new AuditDescription(key, args));
        }
        if (summary == null) {
            return null;
        }
        return LegacySummaries.parse(action, entityType, summary)
                .map(this::render)
                .orElse(AuditValues.maskText(summary));
    }

    private String render(AuditDescription d) {
        Object[] args = d.args().stream().map(this::argument).toArray();
        return AuditValues.maskText(message("audit.summary." + d.key(), args, d.key()));
    }

    private Object argument(Object arg) {
        if (arg instanceof JsonNode node && node.has("key")) {
            String key = node.get("key").asString();
            return message(key, null, key.substring(key.lastIndexOf('.') + 1));
        }
        if (arg instanceof JsonNode node && node.has("field")) {
            return fieldLabel(node.get("field").asString());
        }
        if (arg instanceof Map<?, ?> map && map.containsKey("key")) {
            String key = String.valueOf(map.get("key"));
            return message(key, null, key.substring(key.lastIndexOf('.') + 1));
        }
        if (arg instanceof Map<?, ?> map && map.containsKey("field")) {
            return fieldLabel(String.valueOf(map.get("field")));
        }
        return arg;
    }

    /**
     * The label of a value of an entry named by its JSON pointer: {@code /after/members/1/idNumber} →
     * "修改后 · 成员2 · 身份证号"; without the side when {@code withSide} is false.
     */
    public String fieldLabel(String pointer) {
        return String.join(" · ", labels(pointer, true));
    }

    /** The label of a value within one side (before or after), without the side's name. */
    String labelWithinSide(String pointer) {
        return String.join(" · ", labels(pointer, false));
    }

    private List<String> labels(String pointer, boolean withSide) {
        List<String> labels = new ArrayList<>();
        String[] segments = pointer.split("/");
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].replace("~1", "/").replace("~0", "~");
            if (i == 1 && (segment.equals("before") || segment.equals("after"))) {
                if (withSide) {
                    labels.add(message("audit." + segment, null, segment));
                }
            } else if (INDEX.matcher(segment).matches() && !labels.isEmpty()) {
                int last = labels.size() - 1;
                labels.set(last, labels.get(last) + (Integer.parseInt(segment) + 1));
            } else {
                labels.add(message("audit.field." + segment, null, segment));
            }
        }
        return labels;
    }

    /** A value of the entry as a reader reads it: codes translated, regions by name, yes and no in words. */
    String value(String entityType, String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return "—";
        }
        if (AUTHORS.contains(field) && node.isString()) {
            return platformActor(node.asString());
        }
        if (node.isBoolean()) {
            return message(node.asBoolean() ? "audit.value.yes" : "audit.value.no", null, node.asString());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(n -> values.add(value(entityType, field, n)));
            return values.isEmpty() ? "—" : String.join("、", values);
        }
        String text = node.asString();
        if (AuditValues.WITHHELD.equals(text)) {
            return message("audit.value.withheld", null, text);
        }
        if (field != null
                && REGIONS.contains(field)
                && RegionCode.tryParse(text).isPresent()) {
            String name = regionNames.get(padded(text), regions::nameOf);
            return name == null || name.isBlank() ? text : name;
        }
        return code(entityType, field, text).orElse(text);
    }

    private Optional<String> code(String entityType, String field, String text) {
        if (field == null || text.isEmpty() || !text.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return Optional.empty();
        }
        String prefix = VALUES_OF_OBJECT.getOrDefault(entityType + "." + field, VALUES.get(field));
        if (prefix == null) {
            return Optional.empty();
        }
        String found = message(prefix + text, null, null);
        if (found == null && "casework.status.".equals(prefix)) {
            found = message("casework.monitoring." + text, null, null);
        }
        return Optional.ofNullable(found);
    }

    /** The kind of object in the reader's language ("农户"), or the type itself when it has no name. */
    public String entityLabel(String entityType) {
        return entityType == null ? "" : message("audit.entity." + entityType, null, entityType);
    }

    String message(String key, Object[] args, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return catalogueName(key, locale).orElseGet(() -> messages.getMessage(key, args, fallback, locale));
    }

    /**
     * Names of data categories and departments come from the data catalogue, rule titles from the rule file (through
     * {@link AuditNames}): their one source, in the reader's language; audit entries name them by message keys.
     */
    private Optional<String> catalogueName(String key, Locale locale) {
        if (key.startsWith(CATEGORY)) {
            return catalogue.category(key.substring(CATEGORY.length())).map(c -> catalogue.categoryName(c, locale));
        }
        for (AuditNames source : names.get()) {
            Optional<String> name = source.name(key, locale);
            if (name.isPresent()) {
                return name;
            }
        }
        if (key.startsWith(DEPARTMENT)) {
            String code = key.substring(DEPARTMENT.length());
            return catalogue.categories().stream()
                    .filter(c -> c.department().equals(code))
                    .findFirst()
                    .map(c -> catalogue.departmentName(c, locale));
        }
        return Optional.empty();
    }

    /** A region code of any level as the registry writes it: 12 digits ("5223" → "522300000000"). */
    private static String padded(String code) {
        return code.length() >= 12 ? code : code + "0".repeat(12 - code.length());
    }
}
