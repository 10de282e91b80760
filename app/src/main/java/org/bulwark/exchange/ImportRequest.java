package org.bulwark.exchange;

import java.nio.file.Path;

/**
 * An upload to import: the category, the file (already saved to a temporary place, so it can be hashed and read),
 * its original name and format, and whether one bad row should keep the whole batch out.
 */
public record ImportRequest(String category, Path file, String fileName, FileFormat format, boolean allOrNothing) {}
