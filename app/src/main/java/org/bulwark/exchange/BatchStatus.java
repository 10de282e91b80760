package org.bulwark.exchange;

/** What became of an uploaded batch. */
public enum BatchStatus {
    /** its valid rows are stored (rejected rows, if any, are listed with their reasons) */
    ACCEPTED,
    /** nothing is stored: the file as a whole is unusable, or all-or-nothing was asked and a row failed */
    REJECTED,
    /** nothing is stored: the same file was imported before */
    DUPLICATE
}
