package org.bulwark.core.casework;

/** What a case decides: bringing a household under monitoring, or marking its risk eliminated. */
public enum CaseKind {
    IDENTIFICATION,
    ELIMINATION
}
