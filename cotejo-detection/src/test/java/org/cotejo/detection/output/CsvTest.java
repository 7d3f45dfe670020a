package org.cotejo.detection.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTest {
    private static final String[] TEXTS = {"", "plain", "with \"quotes\"", "comma, here", "tab\tnew\nline\r", "\u0000\u007f",
        "ünïcode", "日本語", "emoji \uD83D\uDE00", "\"".repeat(40_000), "é".repeat(70_000), null};

    @Test
    void writesTimelineRowsAsTheWriterBasedRows() throws Exception {
        for (String a : TEXTS) {
            for (String b : TEXTS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (Csv.Out out = new Csv.Out(bytes)) {
                    out.row(a, b, "x");
                    out.row(b);
                }
                ByteArrayOutputStream chars = new ByteArrayOutputStream();
                try (Writer w = new OutputStreamWriter(chars, StandardCharsets.UTF_8.newEncoder())) {
                    Csv.row(w, a, b, "x");
                    Csv.row(w, b);
                }
                assertThat(bytes.toByteArray()).isEqualTo(chars.toByteArray());
            }
        }
    }

    @Test
    void refusesTextThatIsNotValidUtf16AsAUtf8WriterDoes() {
        assertThatThrownBy(() -> {
            try (Csv.Out out = new Csv.Out(new ByteArrayOutputStream())) {
                out.row("lone \uD800 surrogate");
            }
        }).isInstanceOf(CharacterCodingException.class);
    }
}
