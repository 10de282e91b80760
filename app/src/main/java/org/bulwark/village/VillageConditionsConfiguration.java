package org.bulwark.village;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.core.village.IndicatorCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator catalogue: the shipped default, or a province's own file ({@code bulwark.village.indicators}). */
@Configuration
class VillageConditionsConfiguration {

    static final String DEFAULT_RESOURCE = "/village/indicators.yaml";

    @Bean
    IndicatorCatalogue indicatorCatalogue(@Value("${bulwark.village.indicators:}") String file) throws IOException {
        if (file.isBlank()) {
            try (InputStream in = VillageConditionsConfiguration.class.getResourceAsStream(DEFAULT_RESOURCE);
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return IndicatorCatalogue.load(reader, "classpath:" + DEFAULT_RESOURCE);
            }
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return IndicatorCatalogue.load(reader, file);
        }
    }
}
