package org.bulwark.screening;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the platform serves, loads the columnar store into memory in the background (when its files are current), so
 * that the first batch's re-screening reads memory rather than PostgreSQL. Commands without a web server (imports,
 * benches) do not: they load it when a run first needs it.
 */
@Component
class ScreeningStoreLoader {

    private final ScreeningRuns runs;

    ScreeningStoreLoader(ScreeningRuns runs) {
        this.runs = runs;
    }

    @EventListener(WebServerInitializedEvent.class)
    void onServing() {
        runs.loadStoreInBackground();
    }
}
