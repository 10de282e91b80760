/** What every module shares: the database, errors that name their field, web configuration. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.bulwark.platform;
