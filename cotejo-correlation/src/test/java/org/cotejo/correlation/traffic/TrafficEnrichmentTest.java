package org.cotejo.correlation.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic facts: each DNS resolution's count, and its earliest and latest sighting with where each was. */
class TrafficEnrichmentTest {
    @TempDir Path out;

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static Record answer(String name, String ip, String time, String file, String sha, String locator) {
        Fields f = Fields.builder().put("query", name).put("answers", List.of(ip)).put("id.orig_h", "10.0.0.5")
                .put("timestamp", time == null ? "" : MvtTime.format(Instant.parse(time))).build();
        return new Record("zeek_dns", f, new Provenance(file, file, sha, locator), List.of(), List.of());
    }

    @Test
    void theEarliestAndLatestSightingsAreKeptWithTheirPlaceWhateverTheOrder() throws Exception {
        TrafficEnrichment facts = new TrafficEnrichment();
        facts.accept(answer("a.example", "192.0.2.1", "2025-01-01T10:00:00Z", "dns.log", SHA_A, "line 5"));
        facts.accept(answer("a.example", "192.0.2.1", "2025-01-01T09:00:00Z", "dns.log", SHA_A, "line 9")); // earlier
        facts.accept(answer("a.example", "192.0.2.1", "2025-01-01T11:00:00Z", "dns.1.log", SHA_B, "line 3")); // later, other file
        facts.accept(answer("a.example", "192.0.2.1", "2025-01-01T11:00:00Z", "dns.log", SHA_A, "line 20")); // as late: not later
        facts.accept(answer("a.example", "192.0.2.1", null, "dns.log", SHA_A, "line 30")); // no time: counted only
        // in time order through one file: the latest is the last line, whatever the lines between
        for (int i = 0; i < 1_000; i++) {
            facts.accept(answer("b.example", "192.0.2.2", Instant.parse("2025-01-02T00:00:00Z").plusSeconds(i).toString(), "dns.log", SHA_A,
                    "line " + (100 + i)));
        }
        // a place that is not "line N" as written, kept as it is
        facts.accept(answer("c.example", "192.0.2.3", "2025-01-03T00:00:00Z", "dns.log", SHA_A, "line 40"));
        facts.accept(answer("c.example", "192.0.2.3", "2025-01-03T01:00:00Z", "dns.log", SHA_A, "line 007"));
        facts.accept(answer("c.example", "192.0.2.3", "2025-01-03T02:00:00Z", "capture.pcap", SHA_B, "packet 12"));
        facts.accept(answer("c.example", "192.0.2.3", "2025-01-03T03:00:00Z", "capture.pcap", SHA_B, "packet 13"));
        facts.write(out, "test");

        List<JsonNode> lines = Files.readAllLines(out.resolve("traffic-enrichment/passive-dns.provenance.ndjson")).stream()
                .map(TrafficEnrichmentTest::json).toList();
        assertThat(lines).hasSize(3);
        JsonNode a = lines.get(0);
        assertThat(a.get("domain").asText()).isEqualTo("a.example");
        assertThat(a.get("sightings").asLong()).isEqualTo(5);
        assertThat(a.get("first").toString()).isEqualTo(where("dns.log", "line 9", SHA_A, "2025-01-01T09:00:00Z"));
        assertThat(a.get("last").toString()).isEqualTo(where("dns.1.log", "line 3", SHA_B, "2025-01-01T11:00:00Z"));
        JsonNode b = lines.get(1);
        assertThat(b.get("sightings").asLong()).isEqualTo(1_000);
        assertThat(b.get("first").toString()).isEqualTo(where("dns.log", "line 100", SHA_A, "2025-01-02T00:00:00Z"));
        assertThat(b.get("last").toString()).isEqualTo(where("dns.log", "line 1099", SHA_A, "2025-01-02T00:16:39Z"));
        JsonNode c = lines.get(2);
        assertThat(c.get("last").toString()).isEqualTo(where("capture.pcap", "packet 13", SHA_B, "2025-01-03T03:00:00Z"));
        assertThat(Files.readString(out.resolve("traffic-enrichment/passive-dns.csv")))
                .contains("a.example,192.0.2.1,2025-01-01T09:00:00Z,2025-01-01T11:00:00Z\n")
                .contains("b.example,192.0.2.2,2025-01-02T00:00:00Z,2025-01-02T00:16:39Z\n");

        TrafficEnrichment odd = new TrafficEnrichment();
        odd.accept(answer("c.example", "192.0.2.3", "2025-01-03T00:00:00Z", "dns.log", SHA_A, "line 40"));
        odd.accept(answer("c.example", "192.0.2.3", "2025-01-03T01:00:00Z", "dns.log", SHA_A, "line 007"));
        Path other = Files.createDirectories(out.resolve("odd"));
        odd.write(other, "test");
        assertThat(json(Files.readAllLines(other.resolve("traffic-enrichment/passive-dns.provenance.ndjson")).get(0)).get("last").toString())
                .isEqualTo(where("dns.log", "line 007", SHA_A, "2025-01-03T01:00:00Z"));
    }

    private static String where(String file, String at, String sha, String time) {
        return "{\"file\":\"" + file + "\",\"at\":\"" + at + "\",\"sha256\":\"" + sha + "\",\"time\":\"" + time + "\"}";
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
