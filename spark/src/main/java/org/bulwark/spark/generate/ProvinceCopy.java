package org.bulwark.spark.generate;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.io.api.Binary;
import org.bulwark.core.identity.IdentityNumber;

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
    private static final Binary ID_NUMBER_KEY = Binary.fromString(ID_NUMBER_FIELD);
    private static final Set<Binary> CODE_FIELD_KEYS =
            CODE_FIELDS.stream().map(Binary::fromString).collect(Collectors.toSet());

    boolean unchanged() {
        return from.equals(to);
    }

    long id(long id) {
        return unchanged() ? id : Long.parseLong(to) * PROVINCE_IDS + id % PROVINCE_IDS;
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

    /** A code's bytes with the province prefix rewritten. */
    Binary code(Binary code) {
        if (unchanged() || code.length() < 2) {
            return code;
        }
        return Binary.fromConstantByteArray(rewritten(code));
    }

    /** An identity number's bytes with the province prefix rewritten and the check character computed anew. */
    Binary idNumber(Binary number) {
        if (unchanged() || number.length() != IdentityNumber.LENGTH) {
            return code(number);
        }
        byte[] bytes = rewritten(number);
        bytes[17] = (byte) IdentityNumber.checkDigit(new String(bytes, 0, 17, StandardCharsets.US_ASCII));
        return Binary.fromConstantByteArray(bytes);
    }

    /** A record field's value, rewritten when its field carries an identity number or a code. */
    Binary field(Binary name, Binary value) {
        if (unchanged()) {
            return value;
        }
        if (ID_NUMBER_KEY.equals(name)) {
            return idNumber(value);
        }
        return CODE_FIELD_KEYS.contains(name) ? code(value) : value;
    }

    private byte[] rewritten(Binary code) {
        byte[] bytes = new byte[code.length()];
        code.toByteBuffer().get(bytes);
        bytes[0] = (byte) to.charAt(0);
        bytes[1] = (byte) to.charAt(1);
        return bytes;
    }
}
