/**
 * Deterministic synthetic employment data: a province's labourers and job postings over a region tree of Guizhou's
 * shape, for the matching benchmark ({@code ./bulwark bench-matching}) and the matching engine's tests.
 */
package org.bulwark.core.generate.employment;
