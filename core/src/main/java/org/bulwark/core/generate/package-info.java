/**
 * Deterministic synthetic registry for rural western China: households, members and incomes that look real enough to
 * demo, test and benchmark with, and are the same byte for byte for the same seed and settings.
 */
package org.bulwark.core.generate;
