/** Rules for text that people type or files carry: names and free text, one rule wherever they enter. */
package org.bulwark.core.text;
