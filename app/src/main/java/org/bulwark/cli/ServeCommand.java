package org.bulwark.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark serve}: the platform on the configured database, without demo data. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the platform on the configured database (PostgreSQL by --jdbc-url or "
                + "BULWARK_DATABASE_URL; the embedded database otherwise). No demo data.")
public class ServeCommand implements Runnable, LongRunning {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Override
    public void run() {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        properties.put("bulwark.port", port);
        Platform.start(true, properties);
    }
}
