package org.bulwark.platform.database;

import java.nio.file.Path;
import java.util.Optional;

/** Where the database is: a URL, and the embedded server behind it when the application started one. */
public record DatabaseServer(String url, String username, String password, EmbeddedPostgresServer embedded) {

    /** True when the application runs its own embedded PostgreSQL. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The folder of the embedded server's data, empty when the database is a server of its own. */
    public Optional<Path> embeddedDataDirectory() {
        return Optional.ofNullable(embedded).map(EmbeddedPostgresServer::dataDirectory);
    }

    /** Never the password: a record's own toString would print it. */
    @Override
    public String toString() {
        return "DatabaseServer[" + url + (isEmbedded() ? ", embedded" : "") + "]";
    }

    void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
