/** The administrative hierarchy: province, prefecture, county, township, village, with 12-digit codes. */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.bulwark.region;
