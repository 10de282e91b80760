/** Demo and benchmark data: generated registries of real counties, and the demo users of every role. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.bulwark.demo;
