package org.cotejo.cli.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.cli.testing.Cli.Run;
import org.cotejo.forensics.ios.backup.write.BackupDevice;
import org.cotejo.forensics.ios.backup.write.BackupWriter;
import org.cotejo.forensics.ios.synth.PhoneFile;
import org.cotejo.forensics.ios.synth.SyntheticPhone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cotejo correlate` end to end: iPhone backups written in their real format, checked with `cotejo
 * check`, then compared; and `cotejo simulate` feeding `cotejo correlate` with its own files.
 */
class CorrelateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path domains;
    Path processes;

    @BeforeEach
    void feeds() throws Exception {
        domains = tmp.resolve("domains.txt");
        Files.writeString(domains, "# cotejo-level: operator\nexploit-delivery.net\n");
        processes = tmp.resolve("processes.csv");
        Files.writeString(processes, "type,value\nprocess,bh\n");
    }

    /** A phone's backup with the implant's process and, when given, a lure link. */
    private Path phone(String name, String udid, List<String> links, long seed) throws Exception {
        List<PhoneFile> files = new SyntheticPhone(40, 60, 10, 5, seed).planting(links, List.of("bh")).write(tmp.resolve("scratch-" + name));
        Path backup = tmp.resolve("evidence").resolve(name);
        BackupDevice device = BackupDevice.of(udid, "iPhone14,2", "16.5", "20F66", java.time.Instant.parse("2024-03-01T10:00:00Z"));
        try (BackupWriter w = BackupWriter.create(backup, device)) {
            for (PhoneFile f : files) w.file(f.domain(), f.relativePath(), Files.readAllBytes(f.content()));
            w.finish();
        }
        return backup;
    }

    /** A case of one agency with one scanned device. */
    private Path scannedCase(String name, String reference, String label, Path backup) {
        Path dir = tmp.resolve("cases").resolve(name);
        assertThat(cotejo("case", "create", dir.toString(), "--agency", name.toUpperCase(), "--reference", reference).code()).isZero();
        assertThat(cotejo("case", "add-device", "-C", dir.toString(), "--label", label, "--platform", "ios").code()).isZero();
        Run add = cotejo("case", "add-evidence", "-C", dir.toString(), "--device", label, backup.toString(),
                "--acquired-by", "Analyst", "--acquired-at", "2024-05-02T10:15:00+02:00", "--method", "Finder backup");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(cotejo("case", "add-iocs", "-C", dir.toString(), domains.toString(), processes.toString()).code()).isZero();
        Run scan = cotejo("case", "scan", "-C", dir.toString());
        assertThat(scan.code()).as(scan.err()).isIn(0, 3);
        return dir;
    }

    @Test
    void twoAgenciesCasesAreComparedFromTheirStoresWithoutChangingThem() throws Exception {
        Path es = scannedCase("es", "DP 67/2024", "ES-01", phone("minister-1", "00008101-000000000000000A",
                List.of("https://track.exploit-delivery.net/p/3Xz"), 1));
        Path fr = scannedCase("fr", "EIO-2024-118", "FR-07", phone("journalist-1", "00008101-000000000000000B",
                List.of("https://cdn.exploit-delivery.net/q/9Kf"), 2));
        String before = org.cotejo.core.Hashing.sha256(es.resolve("case.db"));
        Path out = tmp.resolve("comparison");

        Run r = cotejo("correlate", "--case", "ES=" + es, "--case", "FR=" + fr, "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode c = JSON.readTree(out.resolve("clusters.json").toFile()).path("clusters").get(0);
        assertThat(deviceIds(c)).containsExactlyInAnyOrder("udid:00008101-000000000000000A", "udid:00008101-000000000000000B");
        assertThat(c.path("cross_group").asBoolean()).isTrue();
        assertThat(org.cotejo.core.Hashing.sha256(es.resolve("case.db"))).as("reading a case changes nothing").isEqualTo(before);
    }

    /** A phone with the implant's process and, when given, a lure link; checked into its own results folder. */
    private Path checkedPhone(String name, String udid, List<String> links, long seed) throws Exception {
        Path backup = phone(name, udid, links, seed);
        Path out = tmp.resolve("results").resolve(name);
        Run check = cotejo("check", "ios-backup", backup.toString(), "--iocs", domains.toString(), "--iocs", processes.toString(),
                "--out", out.toString());
        assertThat(check.code()).as(check.err()).isIn(0, 3);
        return out;
    }

    private static List<String> deviceIds(JsonNode cluster) {
        List<String> ids = new ArrayList<>();
        for (JsonNode d : cluster.path("devices")) ids.add(d.path("id").asText());
        return ids;
    }

    @Test
    void twoCountriesPhonesWithTheSameDeliveryDomainAreOneSourceAndTheToolAloneLinksNothing() throws Exception {
        Path es = checkedPhone("minister-1", "00008101-000000000000000A", List.of("https://track.exploit-delivery.net/p/3Xz"), 1);
        Path fr = checkedPhone("journalist-1", "00008101-000000000000000B", List.of("https://track.exploit-delivery.net/q/9Kf"), 2);
        Path other = checkedPhone("lawyer-1", "00008101-000000000000000C", List.of(), 3);
        Path out = tmp.resolve("comparison");

        Run r = cotejo("correlate", "--findings", "ES=" + es, "--findings", "FR=" + fr, "--findings", "FR=" + other,
                "--iocs", domains.toString(), "--iocs", processes.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode clusters = JSON.readTree(out.resolve("clusters.json").toFile());
        assertThat(clusters.path("format").asText()).isEqualTo("cotejo-clusters");
        assertThat(clusters.path("clusters")).hasSize(1);
        JsonNode c = clusters.path("clusters").get(0);
        assertThat(deviceIds(c)).containsExactlyInAnyOrder("udid:00008101-000000000000000A", "udid:00008101-000000000000000B");
        assertThat(c.path("cross_group").asBoolean()).isTrue();
        assertThat(c.path("statement").asText()).contains("ES", "FR");
        assertThat(r.out()).contains("1 cluster");
        assertThat(Files.exists(out.resolve("links.json"))).isTrue();
        assertThat(JSON.readTree(out.resolve("pivots.json").toFile()).path("format").asText()).isEqualTo("cotejo-pivots");
    }

    @Test
    void aSimulatedWorldIsCorrelatedFromItsOwnFilesAndTheSameInputGivesTheSameBytes() throws Exception {
        Path world = tmp.resolve("world");
        Run sim = cotejo("simulate", "--seed", "5", "--devices", "300", "--no-extractions", "--out", world.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(world.resolve("truth.json")).exists();
        List<String> outputs = new ArrayList<>();
        for (String run : List.of("a", "b")) {
            Path out = tmp.resolve("corr-" + run);
            Run r = cotejo("correlate", "--findings", world.resolve("devices").toString(), "--enrichment", world.resolve("enrichment").toString(),
                    "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            outputs.add(Files.readString(out.resolve("clusters.json")) + Files.readString(out.resolve("links.json")) + Files.readString(out.resolve("pivots.json")));
        }
        assertThat(outputs.get(0)).isEqualTo(outputs.get(1));
        assertThat(JSON.readTree(tmp.resolve("corr-a/clusters.json").toFile()).path("counts").path("devices").asInt()).isEqualTo(300);
    }

    @Test
    void badInputIsAOneLineUserErrorAndNothingIsWritten() throws Exception {
        Path es = checkedPhone("minister-1", "00008101-000000000000000A", List.of(), 1);
        Path decisions = tmp.resolve("decisions.json");
        Files.writeString(decisions, "[{\"type\": \"domain\", \"value\": \"x.example.net\", \"decision\": \"maybe\", \"analyst\": \"A\", \"when\": \"2024-05-01T10:00:00Z\"}]");
        Path out = tmp.resolve("comparison");
        Run bad = cotejo("correlate", "--findings", es.toString(), "--decisions", decisions.toString(), "--out", out.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("decision 1", "confirmed or rejected").doesNotContain("Exception");
        assertThat(out).doesNotExist();

        Run inside = cotejo("correlate", "--findings", es.toString(), "--out", es.resolve("corr").toString());
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("inside the input");

        Run level = cotejo("correlate", "--findings", es.toString(), "--level", "domains.txt=vendor");
        assertThat(level.code()).isEqualTo(2);
        assertThat(level.err()).contains("unknown evidence level 'vendor'");
    }
}
