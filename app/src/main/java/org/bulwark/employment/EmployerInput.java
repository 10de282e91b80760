package org.bulwark.employment;

/** An employer as a form, the API or a file gives it; the kind by code or Chinese word. */
public record EmployerInput(
        String kind,
        String name,
        String creditCode,
        String regionCode,
        String contactName,
        String contactPhone,
        Boolean active,
        Integer version) {}
