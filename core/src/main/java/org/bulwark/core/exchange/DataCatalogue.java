package org.bulwark.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The data categories departments send, by code, in the order of their file. Immutable. */
public final class DataCatalogue {

    /** The classpath resource {@link #defaults()} reads. */
    public static final String DEFAULT_RESOURCE = "/exchange/categories.yaml";

    // the shipped file cannot change while the application runs, so it is read once; a failure is not remembered
    private static volatile DataCatalogue defaults;

    private final Map<String, CategorySchema> byCode;
    private final Map<String, String> englishDepartments;
    private final Map<String, String> englishCategories;

    /** A catalogue of these categories, named in Chinese only. */
    public DataCatalogue(List<CategorySchema> categories) {
        this(categories, Map.of(), Map.of());
    }

    /**
     * A catalogue of these categories with the English names of departments and categories, by code (a name
     * missing reads in Chinese); throws {@link IllegalArgumentException} when two categories share a code.
     */
    public DataCatalogue(
            List<CategorySchema> categories,
            Map<String, String> englishDepartments,
            Map<String, String> englishCategories) {
        this.englishDepartments = Map.copyOf(englishDepartments);
        this.englishCategories = Map.copyOf(englishCategories);
        Map<String, CategorySchema> map = new LinkedHashMap<>();
        for (CategorySchema category : categories) {
            if (map.putIfAbsent(category.code(), category) != null) {
                throw new IllegalArgumentException("category " + category.code() + " is defined twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /**
     * Reads and checks a catalogue in YAML (the format of {@code categories.yaml}).
     *
     * @param sourceName the file's name for messages
     * @throws CatalogueException naming the source, the category and the problem
     */
    public static DataCatalogue load(Reader yaml, String sourceName) {
        CatalogueReader reader = new CatalogueReader(sourceName);
        List<CategorySchema> categories = reader.read(yaml);
        return new DataCatalogue(categories, reader.englishDepartments(), reader.englishCategories());
    }

    /** The catalogue shipped on the classpath at {@value #DEFAULT_RESOURCE}. */
    public static DataCatalogue defaults() {
        DataCatalogue catalogue = defaults;
        if (catalogue == null) {
            catalogue = loadResource(DEFAULT_RESOURCE);
            defaults = catalogue;
        }
        return catalogue;
    }

    /** The category with this code, if there is one. */
    public Optional<CategorySchema> category(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All categories in the order of the file. */
    public List<CategorySchema> categories() {
        return List.copyOf(byCode.values());
    }

    /** The category's name in the reader's language: English for English, Chinese otherwise (and as fallback). */
    public String categoryName(CategorySchema category, Locale locale) {
        return english(locale) ? englishCategories.getOrDefault(category.code(), category.label()) : category.label();
    }

    /** The name of the department that sends the category, in the reader's language as {@link #categoryName}. */
    public String departmentName(CategorySchema category, Locale locale) {
        return english(locale)
                ? englishDepartments.getOrDefault(category.department(), category.departmentLabel())
                : category.departmentLabel();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static DataCatalogue loadResource(String resource) {
        String source = "classpath:" + resource;
        InputStream in = DataCatalogue.class.getResourceAsStream(resource);
        if (in == null) {
            throw new CatalogueException(source, null, "not found on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
