package org.bulwark.audit;

import java.util.List;

/**
 * A page of the filtered audit log, newest first.
 *
 * @param page    the page number, from 1
 * @param hasNext whether a later page has entries (found by reading one entry more than a page, not by counting)
 * @param problem why the filter found nothing to look for (an unknown household number), or null
 */
public record AuditPage(List<AuditLine> lines, int page, int size, boolean hasNext, String problem) {}
