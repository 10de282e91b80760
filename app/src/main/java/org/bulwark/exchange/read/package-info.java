/**
 * Reading department files — CSV, Excel (.xlsx) and JSON — as a stream of rows of text cells keyed by the header, with
 * the checks every upload needs before its rows are validated: size limit, type checked by content, encoding, zip-bomb
 * limits; and writing the .xlsx import template of a category. Plain classes, no Spring.
 */
package org.bulwark.exchange.read;
