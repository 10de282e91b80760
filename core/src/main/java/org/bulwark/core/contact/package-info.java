/** Contact details residents give: one rule for the phone numbers every form and file accepts. */
package org.bulwark.core.contact;
