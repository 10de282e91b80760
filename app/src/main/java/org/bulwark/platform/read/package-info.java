/**
 * Reading uploaded tables — CSV, Excel (.xlsx) and JSON — as a stream of rows of text cells keyed by the header, with
 * the checks every upload needs before its rows are validated: size limit, type checked by content, encoding, zip-bomb
 * limits; and writing the .xlsx import template of a table. Shared by every import (department data, the registry,
 * the monitoring roster): plain classes, no Spring.
 */
package org.bulwark.platform.read;
