package org.bulwark.casework;

import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;

/**
 * A risk found for a household: through which channel, from which source (a declaration or warning id), on which day,
 * and the risk types already known (they open the green channel for a disaster).
 */
public record OpenCaseInput(
        long householdId, Channel channel, Long sourceId, LocalDate discoveredOn, Set<RiskType> risks, String note) {}
