package org.bulwark.spark.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;

/**
 * One source province written again as another: every code's province prefix (the first two digits of village and
 * region codes, of identity numbers — whose check character is computed anew — and of the record fields that carry
 * a code) becomes {@code to}, and every id becomes {@code to} × 10^12 plus the source id's last twelve digits, the
 * generator's scheme, so ids stay unique nationally and keep their order within the province. The copy of the
 * source province itself ({@code from} equal to {@code to}) leaves everything as it is.
 */
record ProvinceCopy(String from, String to) {

    static final long PROVINCE_IDS = 1_000_000_000_000L;

    /** Fields of the catalogue's categories whose text starts with a region code. */
    private static final Set<String> CODE_FIELDS = Set.of("village_code", "location_code", "household_number");

    private static final String ID_NUMBER_FIELD = "id_number";

    boolean unchanged() {
        return from.equals(to);
    }

    long id(long id) {
        return unchanged() ? id : Long.parseLong(to) * PROVINCE_IDS + id % PROVINCE_IDS;
    }

    Long id(Long id) {
        return id == null ? null : id(id.longValue());
    }

    String code(String code) {
        return unchanged() || code == null || code.length() < 2 ? code : to + code.substring(2);
    }

    String idNumber(String number) {
        if (unchanged() || number == null || number.length() != 18) {
            return code(number);
        }
        String first17 = to + number.substring(2, 17);
        return first17 + IdentityNumber.checkDigit(first17);
    }

    HouseholdRow household(HouseholdRow h) {
        return unchanged() ? h : new HouseholdRow(id(h.id()), code(h.villageCode()), h.category());
    }

    PersonRow person(PersonRow p) {
        return unchanged()
                ? p
                : new PersonRow(
                        id(p.id()),
                        id(p.householdId()),
                        code(p.villageCode()),
                        idNumber(p.idNumber()),
                        p.birthDate(),
                        p.labourCapacity());
    }

    IncomeRow income(IncomeRow i) {
        return unchanged() ? i : new IncomeRow(id(i.householdId()), code(i.villageCode()), i.year(), i.netIncome());
    }

    RecordRow record(RecordRow r) {
        if (unchanged()) {
            return r;
        }
        return new RecordRow(
                id(r.id()),
                r.category(),
                id(r.householdId()),
                id(r.personId()),
                idNumber(r.idNumber()),
                code(r.villageCode()),
                code(r.regionCode()),
                r.date(),
                fields(r.fields()));
    }

    /** The fields as they were, but a code's or an identity number's province. */
    private Map<String, String> fields(Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.replaceAll((name, value) ->
                ID_NUMBER_FIELD.equals(name) ? idNumber(value) : CODE_FIELDS.contains(name) ? code(value) : value);
        return copy;
    }
}
