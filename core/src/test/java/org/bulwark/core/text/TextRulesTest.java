package org.bulwark.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void aNameRefusesControlsDirectionControlsAndFormulaStarts() {
        assertThat(TextRules.name("张\u202E三").orElseThrow().code()).isEqualTo(TextRules.BIDI_CONTROLS);
        assertThat(TextRules.name("张\u2067三").orElseThrow().code()).isEqualTo(TextRules.BIDI_CONTROLS);
        assertThat(TextRules.name("张\u200F三").orElseThrow().code()).isEqualTo(TextRules.BIDI_CONTROLS);
        assertThat(TextRules.name("张\u0000三").orElseThrow().code()).isEqualTo(TextRules.CONTROL_CHARACTERS);
        assertThat(TextRules.name("张\n三").orElseThrow().code()).isEqualTo(TextRules.CONTROL_CHARACTERS);
        for (String start : new String[] {"=", "+", "-", "@"}) {
            assertThat(TextRules.name(start + "HYPERLINK(\"x\")").orElseThrow().code())
                    .isEqualTo(TextRules.FORMULA);
        }
        assertThat(TextRules.name("欧阳·娜娜")).isEmpty();
        assertThat(TextRules.name("Zhang San-Li")).isEmpty();
    }

    @Test
    void freeTextKeepsLineBreaksButRefusesNulAndOverrides() {
        assertThat(TextRules.freeText("第一行\n第二行\t完")).isEmpty();
        assertThat(TextRules.freeText("=1+1"))
                .as("a formula start is the export's to neutralise")
                .isEmpty();
        assertThat(TextRules.freeText("a\u0000b").orElseThrow().code()).isEqualTo(TextRules.CONTROL_CHARACTERS);
        assertThat(TextRules.freeText("a\u0085b").orElseThrow().code()).isEqualTo(TextRules.CONTROL_CHARACTERS);
        assertThat(TextRules.freeText("invoice\u202Efdp.exe").orElseThrow().message())
                .contains("U+202E");
        assertThat(TextRules.freeText(null)).isEmpty();
    }
}
