package org.bulwark.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** Where the database is: an external PostgreSQL by JDBC URL, or the embedded one in a data folder. */
class DatabaseOptions {

    @Option(
            names = "--jdbc-url",
            description = "PostgreSQL JDBC URL (default: env BULWARK_DATABASE_URL, " + "else the embedded database)",
            defaultValue = "${env:BULWARK_DATABASE_URL}")
    String jdbcUrl;

    @Option(
            names = "--db-user",
            description = "database user (default: env BULWARK_DATABASE_USERNAME)",
            defaultValue = "${env:BULWARK_DATABASE_USERNAME}")
    String user;

    @Option(
            names = "--db-password",
            description = "database password (default: env BULWARK_DATABASE_PASSWORD)",
            defaultValue = "${env:BULWARK_DATABASE_PASSWORD}",
            interactive = false)
    String password;

    @Option(
            names = "--data-dir",
            description = "data folder of the embedded database (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:BULWARK_DATA_DIR:-./data/pg}")
    String dataDir;

    void addTo(Map<String, Object> properties) {
        properties.put("bulwark.database.embedded.data-dir", dataDir);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            properties.put("bulwark.database.url", jdbcUrl);
        }
        if (user != null && !user.isBlank()) {
            properties.put("bulwark.database.username", user);
        }
        if (password != null && !password.isBlank()) {
            properties.put("bulwark.database.password", password);
        }
    }
}
