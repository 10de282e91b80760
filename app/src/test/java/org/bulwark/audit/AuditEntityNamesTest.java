package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every kind of object the code audits has its name in both languages, so the audit page never shows a key. */
class AuditEntityNamesTest {

    private static final Pattern ENTITY = Pattern.compile("new AuditRecord\\(\\s*[\\w.]+,\\s*\"([a-z_]+)\"");

    @Test
    void everyAuditedKindOfObjectHasAChineseAndAnEnglishName() throws IOException {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ENTITY.matcher(Files.readString(file));
                while (m.find()) {
                    kinds.add(m.group(1));
                }
            }
        }
        assertThat(kinds).as("kinds of audited objects found").contains("household", "user", "access_token");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources", bundle))) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(kinds).as(bundle).allMatch(k -> messages.containsKey("audit.entity." + k));
        }
    }
}
