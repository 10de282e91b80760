package org.bulwark.registry;

/**
 * A person as a form or an API call sends it, before validation. Sex and birth date may be left out: they follow
 * from the identity number, and when given they must agree with it.
 */
public record PersonInput(
        String name,
        String idNumber,
        String relation,
        String sex,
        String birthDate,
        String education,
        String health,
        String disability,
        String labourCapacity,
        String employment,
        String employmentPlace,
        Integer employmentMonths,
        String schooling,
        Boolean medicalInsured,
        Boolean pensionInsured) {}
