/**
 * Reading department files — CSV, Excel (.xlsx) and JSON — as a stream of rows of text cells keyed by the header, with
 * the checks every upload needs before its rows are validated: size limit, type checked by content, encoding, zip-bomb
 * limits; and writing the .xlsx import template of a category. Plain classes, no Spring. Casework's roster import
 * reads its files through them, so they are a named interface of the exchange module.
 */
@org.springframework.modulith.NamedInterface("read")
package org.bulwark.exchange.read;
