package org.bulwark.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk lookups of the registry for matching department data (joined through unnest, so each wanted key is one
 * index lookup; "= any(array)" made PostgreSQL scan the table). Not scoped: it serves system tasks, and the caller
 * applies the scope of the user it works for (a record matched outside it is refused there).
 */
@Service
@Transactional(readOnly = true)
public class RegistryDirectory {

    private final JdbcClient jdbc;

    RegistryDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered person as matching needs them. */
    public record RegisteredPerson(long personId, long householdId, String name, String villageCode) {
    }

    /** A registered household as matching needs it. */
    public record RegisteredHousehold(long householdId, String villageCode) {
    }

    /** The registered persons among these identity numbers. */
    public Map<String, RegisteredPerson> persons(Collection<String> idNumbers) {
        Map<String, RegisteredPerson> found = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select p.id_number, p.id, p.household_id, p.name, h.village_code
                from unnest(cast(:ids as varchar[])) as wanted(id_number)
                join person p on p.id_number = wanted.id_number
                join household h on h.id = p.household_id
                """).param("ids", idNumbers.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), new RegisteredPerson(rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5)))).list();
        return found;
    }

    /** The registered households among these household numbers. */
    public Map<String, RegisteredHousehold> households(Collection<String> numbers) {
        Map<String, RegisteredHousehold> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        jdbc.sql("select h.household_number, h.id, h.village_code from unnest(cast(:n as varchar[])) as wanted(n) "
                        + "join household h on h.household_number = wanted.n")
                .param("n", numbers.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), new RegisteredHousehold(rs.getLong(2), rs.getString(3))))
                .list();
        return found;
    }
}
