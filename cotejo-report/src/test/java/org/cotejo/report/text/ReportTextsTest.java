package org.cotejo.report.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.cotejo.core.CotejoException;
import org.cotejo.report.RenderedSample;
import org.junit.jupiter.api.Test;

class ReportTextsTest {
    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("report_" + lang + ".properties")) {
            assertThat(in).as(lang).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Properties en = bundle("en");
        for (String lang : new String[] {"es", "fr"}) assertThat(bundle(lang).keySet()).as(lang).isEqualTo(en.keySet());
    }

    @Test
    void everyTextIsAValidPatternWithoutAsciiApostrophes() throws IOException {
        for (ReportLanguage l : ReportLanguage.values()) {
            Properties p = bundle(l.code());
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                // MessageFormat treats ' as a quote: an ASCII apostrophe would silently swallow text.
                assertThat(v).as(l.code() + " " + k).doesNotContain("'");
                new MessageFormat(v, l.locale());
            }
        }
    }

    @Test
    void everyLanguageRendersTheWholeSampleWithNoKeyMissing() {
        // A missing key stops rendering with an IllegalStateException, so rendering every language is the check.
        for (ReportLanguage l : ReportLanguage.values()) assertThat(RenderedSample.of(l.code()).html()).contains("lang=\"" + l.code() + "\"");
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheAvailableOnes() {
        assertThat(ReportLanguage.of(" FR ")).isEqualTo(ReportLanguage.FR);
        assertThatThrownBy(() -> ReportLanguage.of("de")).isInstanceOf(CotejoException.class)
                .hasMessage("unknown report language 'de'; choose one of es, fr, en");
    }

    @Test
    void statesTimesInUtc() {
        assertThat(Texts.of("es").time(java.time.Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo("2026-11-28 10:00:00 UTC");
        assertThat(Texts.of("fr").time(null)).isEqualTo("non précisé");
    }
}
