package org.bulwark.screening;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.bulwark.screening.store.ScreeningStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The columnar store of screening inputs, in {@code bulwark.screening.store-dir} (by default next to the embedded
 * database's folder); {@code bulwark.screening.store.enabled=false} makes full runs read PostgreSQL instead. The
 * platform holds the store in memory once read (BENCHMARKS.md has the heap it takes for a province), so that a batch's
 * households are re-screened without reading PostgreSQL; {@code bulwark.screening.store.in-memory=false} keeps it in
 * its files only (full runs read them each time, incremental runs read PostgreSQL). A copy from PostgreSQL runs on
 * {@code bulwark.screening.store.copy-lanes} connections side by side (2 by default, the cores these machines have).
 */
@Configuration(proxyBeanMethods = false)
class ScreeningStoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "bulwark.screening.store.enabled", havingValue = "true", matchIfMissing = true)
    ScreeningStore screeningStore(
            DataSource dataSource,
            @Value("${bulwark.screening.store-dir:${bulwark.database.embedded.data-dir}/../screening-store}")
                    String directory,
            @Value("${bulwark.screening.store.in-memory:true}") boolean inMemory,
            @Value("${bulwark.screening.store.copy-lanes:2}") int copyLanes) {
        return new ScreeningStore(
                dataSource, Path.of(directory).toAbsolutePath().normalize(), inMemory, copyLanes);
    }
}
