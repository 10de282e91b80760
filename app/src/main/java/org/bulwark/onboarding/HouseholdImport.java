package org.bulwark.onboarding;

import java.time.Instant;

/**
 * A registry import that created or changed a household: the source of those changes, for the household's trail.
 *
 * @param change NEW (the import created the household) or CHANGED
 */
public record HouseholdImport(
        long importId, RegistryFileKind kind, String fileName, String change, Instant at, String username) {}
