package org.bulwark.core.employment;

/** Kind of work of a posting, a job held or a labourer's wish. */
public enum WorkKind {
    MANUFACTURING,
    CONSTRUCTION,
    CATERING_AND_SERVICES,
    DOMESTIC_AND_CARE,
    LOGISTICS,
    AGRICULTURE,
    HANDICRAFT,
    PUBLIC_SERVICE,
    OTHER
}
