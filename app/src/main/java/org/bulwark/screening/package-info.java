/**
 * Screening and early warning: runs the rules of the pure-Java engine over the registry and department data of a
 * region, stores the warnings they raise, and carries each warning to verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening and warnings")
package org.bulwark.screening;
