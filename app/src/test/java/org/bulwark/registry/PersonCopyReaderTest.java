package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** COPY's text rows split into cells as PostgreSQL wrote them: nulls, escapes, the last cell without its newline. */
class PersonCopyReaderTest {

    @Test
    void nullsEscapesAndTheLastCellAreReadBack() {
        String[] cells = new String[4];
        PersonCopyReader.split("12\t\\N\t张\\t三\\\\二\t\n", cells);
        assertThat(cells).containsExactly("12", null, "张\t三\\二", "");
    }

    @Test
    void aCellThatIsTheTwoCharactersBackslashNIsNotNull() {
        String[] cells = new String[2];
        PersonCopyReader.split("\\\\N\tt\n", cells);
        assertThat(cells).containsExactly("\\N", "t");
    }
}
