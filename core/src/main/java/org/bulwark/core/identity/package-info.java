/** Resident identity numbers (GB 11643-1999) and masking of personal identifiers for display and logs. */
package org.bulwark.core.identity;
