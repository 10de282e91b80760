/**
 * Village conditions: the infrastructure and public services of each village per year (paved road, tap water,
 * clinic, ...; the indicators are configuration, {@code village/indicators.yaml}), entered by townships and counties on
 * a form or imported from a file, with figures of coverage by region and lists of the villages short of each. Others
 * read a village's conditions through {@link org.bulwark.village.VillageConditions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Village conditions")
package org.bulwark.village;
