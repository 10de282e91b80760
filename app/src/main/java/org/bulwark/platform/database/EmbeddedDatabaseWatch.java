package org.bulwark.platform.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watches the embedded PostgreSQL the application started (none for an external server): when its process is gone
 * it starts it again on the same port and data, every {@code bulwark.database.embedded.watch-interval} (5 s), so
 * the platform recovers from a killed database by itself; meanwhile requests answer 503. An external server is
 * someone else's to restart; the connection pool reconnects once it is back.
 */
@Component
class EmbeddedDatabaseWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatch.class);

    private final ScheduledExecutorService timer;

    EmbeddedDatabaseWatch(
            DatabaseServer server, @Value("${bulwark.database.embedded.watch-interval:PT5S}") Duration interval) {
        if (!server.isEmbedded()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-database-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(
                () -> check(server.embedded()), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void check(EmbeddedPostgresServer embedded) {
        try {
            embedded.restartIfStopped();
        } catch (RuntimeException e) {
            log.warn("Embedded PostgreSQL could not be started again", e);
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
