package org.bulwark.exchange;

/**
 * What became of a batch as its officer should read it. {@link BatchStatus} says only whether the valid rows were
 * stored, so a batch with most of its rows refused read "已入库" in green; the state tells a partly stored batch and one
 * whose every row was refused from a batch stored whole.
 */
public enum BatchState {
    /** every row stored (or already stored by an earlier batch) */
    STORED,
    /** some rows stored, some refused: see {@link Batch#refusedPercent()} */
    PARTLY_STORED,
    /** the file was read but every row was refused */
    ALL_REFUSED,
    /** rows failed and all-or-nothing was asked: nothing stored */
    BATCH_REFUSED,
    /** the file as a whole could not be used (its columns, its format, no rows): nothing stored */
    FILE_REFUSED,
    /** the same file was imported before: nothing stored */
    DUPLICATE
}
