package org.bulwark.screening.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store's copy picks the fields out of the records' documents itself: it must give, field by field, the text
 * PostgreSQL's {@code json_to_record} gives — which the copy asked PostgreSQL for before — on every kind of value.
 */
@DatabaseTest
class DocumentFieldsTest {

    private static final List<String> FIELDS =
            List.of("amount", "status", "ended", "ended_date", "nested", "list", "名称", "quote\"d", "empty", "absent");

    private static final List<String> DOCUMENTS = List.of(
            "{\"amount\":\"1200.50\",\"status\":\"在校\",\"ended\":\"false\"}",
            "{\"amount\": 1200.50, \"status\": null, \"ended\": true}",
            "{ \"amount\" : -3e2 ,\n\t\"status\" : \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d\" }",
            "{\"amount\": 1, \"amount\": \"last one wins\"}",
            "{\"nested\": {\"a\": [1, \"}\", {\"b\": \"]\"}]}, \"list\": [ 1 , 2 ], \"status\": \"after\"}",
            "{\"名称\": \"中文的键\", \"quote\\\"d\": \"escaped key\", \"empty\": \"\"}",
            "{\"st\\u0061tus\": \"a key written with an escape\", \"ended_date\": \"2026-05-01\"}",
            "{\"other\": {\"status\": \"not this one\"}, \"unknown\": [\"status\"]}",
            "{}",
            "  {\"ended\": false}  ");

    @Autowired
    JdbcClient jdbc;

    @Test
    void picksEveryFieldAsJsonToRecordGivesItsText() {
        DocumentFields fields = new DocumentFields(FIELDS);
        for (String document : DOCUMENTS) {
            byte[] bytes = ("prefix\t" + document + "\tsuffix").getBytes(StandardCharsets.UTF_8);
            int from = "prefix\t".length();
            int to = bytes.length - "\tsuffix".length();
            String[] cells = new String[FIELDS.size()];
            fields.read(bytes, from, to, cells);
            assertThat(cells).as(document).containsExactlyElementsOf(fromPostgreSql(document));
        }
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        DocumentFields fields = new DocumentFields(FIELDS);
        String[] cells = new String[FIELDS.size()];
        for (String broken : List.of("[1, 2]", "{\"amount\": 1", "{\"amount\" 1}", "{\"status\": \"open")) {
            byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> fields.read(bytes, 0, bytes.length, cells))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a JSON object");
        }
    }

    private List<String> fromPostgreSql(String document) {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < FIELDS.size(); i++) {
            columns.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(FIELDS.get(i).replace("\"", "\"\""))
                    .append("\" text");
        }
        return jdbc.sql("select d.* from json_to_record(cast(:d as json)) as d(" + columns + ")")
                .param("d", document)
                .query((rs, n) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= FIELDS.size(); i++) {
                        values.add(rs.getString(i));
                    }
                    return values;
                })
                .single();
    }
}
