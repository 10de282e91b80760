package org.bulwark.employment;

import org.bulwark.core.employment.EmployerKind;

/** An employer the county's employment office keeps, at a real region. */
public record Employer(
        long id,
        EmployerKind kind,
        String name,
        String creditCode,
        String regionCode,
        String contactName,
        String contactPhone,
        boolean active,
        int version) {}
