package org.bulwark.core.industry;

/** Whether a project runs; a failed or closed one says since which year. */
public enum ProjectState {
    ACTIVE,
    FAILED,
    CLOSED
}
