package org.bulwark.employment;

/** Where the latest change of a labourer came from: the registry, a department record, a visit or the office. */
public enum LabourSource {
    REGISTRY,
    DEPARTMENT_RECORD,
    VISIT,
    OFFICER
}
