/**
 * Province-scale screening benchmark: a fast loader of a generated province (registry and department records, as
 * the exchange import would have stored them) and the default rules written as SQL, to time the platform's screening
 * side by side with its peers running the same rules: DuckDB and PostgreSQL over a typed copy of the inputs in the
 * bench's own schema ({@code bench_typed}, created and dropped by the bench), PostgreSQL over the records as stored.
 */
package org.bulwark.bench;
