package org.bulwark.exchange;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.core.exchange.DataCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data catalogue: the shipped default, or a province's own file ({@code bulwark.exchange.catalogue}). */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    DataCatalogue dataCatalogue(@Value("${bulwark.exchange.catalogue:}") String file) throws IOException {
        if (file == null || file.isBlank()) {
            return DataCatalogue.defaults();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return DataCatalogue.load(reader, file);
        }
    }
}
