package org.bulwark.employment;

/** A labourer as lists and the labourer page show them: the state, with the person's name and household number. */
public record LabourerListing(Labourer labourer, String name, String householdNumber, String employerName) {}
