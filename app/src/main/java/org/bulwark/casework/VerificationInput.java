package org.bulwark.casework;

import java.math.BigDecimal;
import java.util.Set;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * What the cadre records at home verification: the signed commitment-and-authorisation, the proposed monitoring type
 * and risk types, and the household's compliant self-paid medical expenditure (which an illness risk requires).
 */
public record VerificationInput(
        boolean commitmentSigned, MonitoringType monitoringType, Set<RiskType> risks, BigDecimal medicalOutOfPocket) {}
