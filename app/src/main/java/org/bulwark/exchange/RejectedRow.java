package org.bulwark.exchange;

import java.util.Map;

/** A row that was not stored, as it was in the file, with the reasons. */
public record RejectedRow(int rowNumber, String reasons, Map<String, String> raw) {}
