/**
 * The append-only audit log: who changed what, when, with the values before and after. Its listeners to other
 * modules' events (accounts created or changed, sign-ins) stay synchronous {@code @EventListener}s, not durable
 * after-commit ones: the record is written in the transaction of the change it records, so a change never commits
 * without its record and a change rolled back leaves none; the hash chain then holds exactly what happened.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.bulwark.audit;
