package org.bulwark.employment;

import java.time.Instant;
import java.time.LocalDate;

/** One state a post holder had: the term then, the end's reason, who and when. */
public record WelfareHolderChange(
        long id,
        WelfareHolderState state,
        LocalDate termFrom,
        LocalDate termTo,
        String endReason,
        String changedBy,
        Instant changedAt) {}
