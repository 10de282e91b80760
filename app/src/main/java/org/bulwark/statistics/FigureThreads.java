package org.bulwark.statistics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that compute providers' figures side by side: two per core (at least four), since each mostly waits
 * for PostgreSQL. A bean of the context, so that it is shut down with it; not a default candidate, so that Boot still
 * makes its {@code applicationTaskExecutor} for everything else and nothing asking for an executor by type gets
 * this one.
 */
@Configuration(proxyBeanMethods = false)
class FigureThreads {

    static final String BEAN = "dashboardFigureThreads";

    @Bean(name = BEAN, defaultCandidate = false)
    ThreadPoolTaskExecutor dashboardFigureThreads() {
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        int size = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        threads.setCorePoolSize(size);
        threads.setMaxPoolSize(size);
        threads.setThreadNamePrefix("dashboard-figures-");
        threads.setDaemon(true);
        return threads;
    }
}
