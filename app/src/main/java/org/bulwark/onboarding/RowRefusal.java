package org.bulwark.onboarding;

/**
 * A row of the file that is not stored, and why: {@code reason} is Chinese and names the column (the template's
 * header), e.g. {@code 身份证号：已在其他地区登记}. A row withheld because another row of its household was refused has
 * {@code withheld} set and the reason says which row.
 */
public record RowRefusal(long row, String householdNumber, String column, String reason, boolean withheld) {}
