/** Registry vocabulary shared by the application, the generator and the screening engine. */
package org.bulwark.core.registry;
