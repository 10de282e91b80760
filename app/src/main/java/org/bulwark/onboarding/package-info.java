/**
 * Onboarding a county (issue 13): its registry (households, persons, incomes) brought in from the files it keeps,
 * checked and matched against the registry, previewed, then stored whole or not at all and audited as one action. It
 * reads files with the platform's readers against the published templates of the core, and writes through the
 * registry's and the income module's bulk APIs, never their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Onboarding")
package org.bulwark.onboarding;
