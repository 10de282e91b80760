package org.bulwark.onboarding;

import java.util.List;

/**
 * A file read and checked row by row, before it is matched against the registry.
 *
 * @param rows     the data rows read
 * @param members  the valid rows of a members file
 * @param incomes  the valid rows of an incomes file
 * @param refused  the rows with something wrong in themselves (a value, the village)
 */
record RegistryFile(
        String fileName,
        String sha256,
        RegistryFileKind kind,
        String regionCode,
        long rows,
        List<MemberLine> members,
        List<IncomeLine> incomes,
        List<RowRefusal> refused) {}
