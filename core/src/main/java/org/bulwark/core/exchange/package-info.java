/**
 * Department data exchange, the pure part: the catalogue of data categories (what each department sends, with its
 * fields and keys, loaded from YAML so a province edits it without code) and the validation of one row against it.
 */
package org.bulwark.core.exchange;
