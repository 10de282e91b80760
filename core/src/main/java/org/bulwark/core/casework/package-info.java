/**
 * Casework rules without a framework: the identification and risk-elimination procedure as a state machine whose
 * steps and time limits are configuration per province, the monitoring type and risk-type consistency rules, the
 * plan-answers-every-risk rule and the risk-elimination assessment (docs/policy.md §1, §3–§6).
 */
package org.bulwark.core.casework;
