package org.bulwark.casework;

import java.util.Set;
import org.bulwark.core.casework.RiskType;

/** The few fields a declaration asks: who, how to reach them, where, which risks, and in their words what happened. */
public record DeclarationInput(
        String declarantName,
        String phone,
        String idNumber,
        String villageCode,
        Set<RiskType> risks,
        String description) {}
