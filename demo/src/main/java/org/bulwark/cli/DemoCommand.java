package org.bulwark.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark demo}: the platform with demo users and a generated Qinglong County, seeded once. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start the platform at http://localhost:8080 on the embedded database with demo data "
                + "(demo users, generated households of Qinglong County, its casework history replayed through the "
                + "identification procedure, and department data of one township with its warnings; seeded on the "
                + "first start only, which takes a few minutes).")
public class DemoCommand implements Runnable, LongRunning {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(
            names = "--households",
            description = "households to generate on the first start (default: ${DEFAULT-VALUE})",
            defaultValue = "8000")
    int households;

    @Override
    public void run() {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        properties.put("bulwark.port", port);
        properties.put("bulwark.demo.enabled", true);
        // the demo's examples sign in with the password alone; a production server requires a second factor
        properties.put("bulwark.security.two-factor.required-roles", "");
        properties.put("bulwark.demo.households", households);
        Platform.start(true, properties);
    }
}
