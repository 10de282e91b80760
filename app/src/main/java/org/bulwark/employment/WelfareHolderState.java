package org.bulwark.employment;

/** Where a post holder's term stands: holding it, holding it after a renewal, or ended (the place is free). */
public enum WelfareHolderState {
    HOLDING,
    RENEWED,
    ENDED;

    /** Whether the holder holds the place. */
    public boolean holds() {
        return this != ENDED;
    }
}
