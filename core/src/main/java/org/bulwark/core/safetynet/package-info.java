/**
 * The safety net's pure rules: allowance and support standards per region and year (the most specific region wins),
 * and the status of the three guarantees and drinking water (三保障和饮水安全) of a household computed from its
 * members and department facts. No Spring here, so the CLI and batch jobs compute the same.
 */
package org.bulwark.core.safetynet;
