package org.bulwark.employment;

import java.util.List;
import org.bulwark.core.employment.MatchReason;
import org.bulwark.core.employment.Reach;

/** A posting that fits a labourer: the posting, how far it is from home, and why it was proposed. */
public record PostingMatch(Posting posting, Reach reach, List<MatchReason> reasons) {}
