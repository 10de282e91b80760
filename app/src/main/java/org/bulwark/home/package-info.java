/** The shell of the pages: home page, region browser, what every page shows about the signed-in user. */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package org.bulwark.home;
