/**
 * Casework: residents' declarations, the identification and risk-elimination procedure with its time limits, the
 * monitoring status of households, one designated helper and one plan per household, visits, and the figures the
 * programme reports from all of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.bulwark.casework;
