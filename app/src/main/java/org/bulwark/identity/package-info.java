/** Users, roles and the region scope that limits every read and write. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and scope")
package org.bulwark.identity;
