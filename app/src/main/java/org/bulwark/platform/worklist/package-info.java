/** The worklist on the home page: what each module asks of the signed-in user, given by its provider. */
package org.bulwark.platform.worklist;
