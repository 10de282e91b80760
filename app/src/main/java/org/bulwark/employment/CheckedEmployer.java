package org.bulwark.employment;

import org.bulwark.core.employment.EmployerKind;

/** An employer that passed every check. */
record CheckedEmployer(
        EmployerKind kind,
        String name,
        String creditCode,
        String regionCode,
        String contactName,
        String contactPhone,
        boolean active,
        int version) {}
