package org.bulwark.platform.database;

/** Where the database is: a URL, and the embedded server behind it when the application started one. */
public record DatabaseServer(String url, String username, String password, EmbeddedPostgresServer embedded) {

    /** True when the application runs its own embedded PostgreSQL. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
