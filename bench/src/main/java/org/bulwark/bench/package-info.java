/**
 * Province-scale screening benchmark: a fast loader of a generated province (registry and department records, as
 * the exchange import would have stored them) and the default rules written as SQL, to time the platform's screening
 * side by side with PostgreSQL running the same rules.
 */
package org.bulwark.bench;
