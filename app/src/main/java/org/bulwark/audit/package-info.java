/** The append-only audit log: who changed what, when, with the values before and after. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.bulwark.audit;
