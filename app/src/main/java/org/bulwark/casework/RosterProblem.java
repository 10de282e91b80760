package org.bulwark.casework;

/**
 * Why a roster row is refused, in Chinese, naming the row and the column (the template's header).
 *
 * @param row    the row's number in the file
 * @param column the column's Chinese header, or null when the reason concerns the whole row
 * @param reason what is wrong and what to fix, in Chinese
 */
public record RosterProblem(long row, String column, String reason) {

    /** The reason as one line: 第 n 行 列：原因. */
    public String text() {
        return "第 " + row + " 行" + (column == null ? "：" : " " + column + "：") + reason;
    }
}
