package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;

/** Chinese and English hold the same keys, and every key a template names exists. */
class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws Exception {
        assertThat(new TreeSet<>(load("messages.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyUsedInATemplateExists() throws Exception {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern key = Pattern.compile("#\\{([a-zA-Z.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumValueShownOnPagesHasALabel() throws Exception {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
                HouseholdCategory.class,
                Relation.class,
                Education.class,
                Health.class,
                Disability.class,
                LabourCapacity.class,
                Employment.class,
                EmploymentPlace.class,
                Schooling.class,
                Role.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                String k = (type == Role.class ? "role." : "enum." + type.getSimpleName() + ".") + value.name();
                assertThat(keys).as(k).contains(k);
            }
        }
    }
}
