package org.bulwark.registry;

/** A household as a form or an API call sends it, before validation (every field as text). */
public record HouseholdInput(String villageCode, String category, String address, String phone) {}
