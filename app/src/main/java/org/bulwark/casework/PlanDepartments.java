package org.bulwark.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The departments a plan measure may be the responsibility of (issue 14 item 25): the local governments
 * ({@code casework.departments.local}) and every department the exchange knows from the data catalogue. A measure
 * keeps the department's Chinese name; what is typed may be that name, the name with the county before it (县民政局),
 * the catalogue's code or the English name, and is stored as the Chinese name — anything else is refused.
 */
@Component
public class PlanDepartments {

    private final List<String> names;
    private final Map<String, String> english = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    PlanDepartments(DataCatalogue catalogue, MessageSource messages) {
        Map<String, String> byCode = new LinkedHashMap<>();
        String[] local = messages.getMessage("casework.departments.local", null, Locale.CHINESE)
                .split("[,，]");
        String[] localEn = messages.getMessage("casework.departments.local", null, Locale.ENGLISH)
                .split("[,，]");
        for (int i = 0; i < local.length; i++) {
            byCode.put(local[i].strip(), local[i].strip());
            if (i < localEn.length) {
                english.put(local[i].strip(), localEn[i].strip());
            }
        }
        for (CategorySchema category : catalogue.categories()) {
            byCode.putIfAbsent(category.department(), category.departmentLabel());
            // the catalogue gives the English name (or the Chinese one where it has none)
            english.putIfAbsent(category.departmentLabel(), catalogue.departmentName(category, Locale.ENGLISH));
        }
        english.forEach((name, en) -> aliases.put(key(en), name));
        byCode.forEach((code, name) -> {
            aliases.put(key(code), name);
            aliases.put(key(name), name);
        });
        this.names = byCode.values().stream().distinct().toList();
    }

    /** The departments' Chinese names, local governments first, as the measure form offers them. */
    public List<String> names() {
        return names;
    }

    /**
     * The departments as the measure form offers them to a reader of the language: the English names for English (each
     * is taken back as the Chinese name by {@link #resolve}), the Chinese names otherwise.
     */
    public List<String> names(Locale locale) {
        return isEnglish(locale)
                ? names.stream().map(n -> english.getOrDefault(n, n)).toList()
                : names;
    }

    /** A stored (Chinese) department name as a reader of the language reads it; unknown names as they are. */
    public String displayName(String name, Locale locale) {
        return name != null && isEnglish(locale) ? english.getOrDefault(name, name) : name;
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The department's Chinese name for what was typed, or empty when the platform does not know it. */
    public Optional<String> resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String name = typed.strip();
        String found = aliases.get(key(name));
        if (found == null && name.startsWith("县") && name.length() > 1) {
            found = aliases.get(key(name.substring(1)));
        }
        return Optional.ofNullable(found);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
