/**
 * The safety net: rural minimum living allowance and extreme-poverty support standards per region and year, who
 * receives them (from the civil-affairs department data), their coverage figures, and the three guarantees and
 * drinking water of each household. Its warnings (ALC-01, ALC-02) run in the screening engine with the other rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety net")
package org.bulwark.safetynet;
