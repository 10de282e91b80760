package org.bulwark.core.employment;

/** A skill or certificate a posting asks for and a labourer has (from training records and visits). */
public enum Skill {
    ELECTRICIAN,
    WELDER,
    COOK,
    DRIVER,
    SEWING,
    CHILDCARE,
    ELDERLY_CARE,
    CROP_FARMING,
    ANIMAL_HUSBANDRY,
    E_COMMERCE,
    MASONRY,
    MACHINE_OPERATOR
}
