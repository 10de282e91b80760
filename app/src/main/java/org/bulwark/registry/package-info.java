/** The registry of rural households and persons, scoped by region. */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.bulwark.registry;
