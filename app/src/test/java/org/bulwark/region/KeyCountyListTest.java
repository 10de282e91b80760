package org.bulwark.region;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The key-county list is read before the database is touched: a bad row names its place among the data rows. */
class KeyCountyListTest {

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBadCodeNamesItsDataRowWithBlankLinesNotCounted() {
        assertThatThrownBy(() -> RegionImporter.markKeyCounties(
                        csv("code,name,province\n150422,\"巴林左旗\",内蒙古\n\n52x,\"某县\",贵州\n"), null))
                .isInstanceOf(IOException.class)
                .hasMessage("key-county list row 2: '52x' is not a 6-digit county code");
    }

    @Test
    void theCodeColumnIsFoundByNameAndStripped() {
        assertThatThrownBy(() ->
                        RegionImporter.markKeyCounties(csv("name,code\n\"巴林左旗\", 150422 \n\"某县\",5223241\n"), null))
                .isInstanceOf(IOException.class)
                .hasMessage("key-county list row 2: '5223241' is not a 6-digit county code");
    }
}
