package org.bulwark.core.employment;

/** Who offers work: the employers a county's employment office keeps. */
public enum EmployerKind {
    ENTERPRISE,
    WORKSHOP,
    COOPERATIVE,
    GIG_PLATFORM,
    PUBLIC_WELFARE_SCHEME;

    /** The way a labourer hired by this kind of employer works. */
    public WorkMode workMode() {
        return switch (this) {
            case ENTERPRISE -> WorkMode.EMPLOYER;
            case WORKSHOP -> WorkMode.WORKSHOP;
            case COOPERATIVE -> WorkMode.COOPERATIVE;
            case GIG_PLATFORM -> WorkMode.GIG;
            case PUBLIC_WELFARE_SCHEME -> WorkMode.PUBLIC_WELFARE;
        };
    }
}
