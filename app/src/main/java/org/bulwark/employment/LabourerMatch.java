package org.bulwark.employment;

import java.util.List;
import org.bulwark.core.employment.MatchReason;
import org.bulwark.core.employment.Reach;

/** A labourer who fits a posting: the labourer, how far the work is from their home, and why they were proposed. */
public record LabourerMatch(LabourerListing labourer, Reach reach, List<MatchReason> reasons) {}
