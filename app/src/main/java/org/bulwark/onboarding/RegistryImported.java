package org.bulwark.onboarding;

/**
 * Event published in the transaction that commits a county's members file (户籍成员), with the region it covered,
 * so that modules deriving rows from the registry (the labour registry) follow the whole import after its commit:
 * the bulk store publishes no event per household.
 */
public record RegistryImported(long importId, String regionPrefix) {}
