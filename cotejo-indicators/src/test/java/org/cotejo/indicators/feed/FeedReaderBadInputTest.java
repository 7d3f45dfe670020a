package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.indicators.feed.FeedFixtures.bundle;
import static org.cotejo.indicators.feed.FeedFixtures.indicator;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.values;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderBadInputTest {
    private static final String SHA256_OF_A_EXAMPLE = "2f12e4454293b6e04d2e50ed2620c003be8942f7a3adc5f0d6930b3385b70368";

    private static Feed readBytes(String name, byte[] bytes) {
        return FeedReader.defaults().read(name, bytes);
    }

    @Test
    void namesLineAndColumnOfMalformedJson() {
        assertThatThrownBy(() -> read("f.json", "{\"type\": \"bundle\",\n  \"objects\": [ {\"type\": } ]}"))
                .isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("feed f.json is not valid JSON at line 2, column 25: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsInvalidUtf8NamingTheByteOffsetAndLine() {
        byte[] bytes = "a.example\nb\u00e9.example\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readBytes("domains.txt", bytes))
                .hasMessage("feed domains.txt is not valid UTF-8: bad byte sequence at byte offset 11 (line 2); save it as UTF-8 and try again");
    }

    @Test
    void rejectsNulBytes() {
        assertThatThrownBy(() -> readBytes("domains.txt", "a.example\nb\0\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("feed domains.txt contains a NUL byte at byte offset 11 (line 2): it is not a text feed");
    }

    @Test
    void rejectsJsonNestedTooDeeplyWithAClearMessage() {
        String deep = "{\"type\": \"bundle\", \"objects\": [" + "{\"a\": ".repeat(1500) + "1" + "}".repeat(1500) + "]}";
        assertThatThrownBy(() -> read("deep.json", deep))
                .isInstanceOf(CotejoException.class).hasMessage("JSON feed deep.json is nested more than 1000 levels deep at line 1");
    }

    @Test
    void rejectsAnEmptyFeed() {
        assertThatThrownBy(() -> read("domains.txt", "")).hasMessageStartingWith("empty feed domains.txt");
    }

    @Test
    void checksTheSizeLimitBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[3000]);
        assertThatThrownBy(() -> FeedReader.defaults().maxBytes(2048).read(big))
                .hasMessage("feed " + big + " is 2.9 KiB, more than the 2 KiB limit; raise it with --max-feed-size");
        assertThat(FeedReader.size(2L << 30)).isEqualTo("2.0 GiB");
        assertThat(FeedReader.size(FeedReader.DEFAULT_MAX_BYTES)).isEqualTo("512 MiB");
        assertThatThrownBy(() -> FeedReader.defaults().maxBytes(10).read("r.txt", new ByteArrayInputStream(new byte[11])))
                .hasMessageContaining("larger than the 10 bytes limit");
    }

    @Test
    void acceptsAByteOrderMarkBeforeJsonAndCrLfLineEnds() {
        String json = "\uFEFF" + bundle(indicator("indicator--a", "[domain-name:value = 'a.example']")).replace("\n", "\r\n");
        assertThat(values(read("f.json", json))).containsExactly("domain:a.example");
    }

    @Test
    void rejectsJsonThatIsNeitherStixNorMisp() {
        assertThatThrownBy(() -> read("f.json", "{\"hello\": 1}"))
                .hasMessage("JSON feed f.json is neither a STIX 2.1 bundle ({\"type\": \"bundle\"}) nor a MISP event ({\"Event\": …})");
        assertThatThrownBy(() -> read("f.json", "{\"type\": \"bundle\", \"objects\": {}}"))
                .hasMessage("JSON feed f.json at line 1, column 31: expected a list in 'objects', found an object");
    }

    @Test
    void hashesTheBytesAndDatesFileFeedsByTheirModificationTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("domains.txt");
        Files.writeString(file, "a.example\n");
        Instant modified = Instant.parse("2024-05-02T10:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        Feed feed = FeedReader.defaults().read(file);
        // sha256sum of "a.example\n"
        assertThat(feed.sha256()).isEqualTo(SHA256_OF_A_EXAMPLE);
        assertThat(feed.collections().get(0).retrieved()).isEqualTo(modified);
        assertThat(read("domains.txt", "a.example\n").collections().get(0).retrieved()).isNull();
    }


    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> FeedReader.defaults().read(dir.resolve("nope.stix2"))).hasMessageEndingWith("nope.stix2 does not exist");
    }
}
