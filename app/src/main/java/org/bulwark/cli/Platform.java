package org.bulwark.cli;

import java.util.HashMap;
import java.util.Map;
import org.bulwark.BulwarkApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application, with a web server or (for tasks) without one. */
final class Platform {

    private Platform() {}

    static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        if (!web) {
            all.put("logging.level.root", "WARN");
            all.put("logging.level.org.bulwark.exchange", "INFO");
            // a task may run beside the serving platform on the same database: resubmitting the platform's
            // publications still in flight from here would run their listeners twice; the platform's next start
            // catches up what a task left undone
            all.put("bulwark.events.resubmit-on-start", "false");
            // a task serves no pages: warming them up for a first visitor would only slow the task
            all.put("bulwark.warm-up.enabled", "false");
        }
        // passed as command-line arguments, so they win over application.properties
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BulwarkApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(args);
    }
}
