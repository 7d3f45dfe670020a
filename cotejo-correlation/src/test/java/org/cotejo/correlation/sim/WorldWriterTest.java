package org.cotejo.correlation.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.forensics.android.backup.AndroidBackups;
import org.cotejo.forensics.android.qf.AndroidQfs;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.ios.backup.IosBackups;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldWriterTest {
    /** 16 phones, 60 % targeted, so both platforms, several operators and a few noise phones appear quickly. */
    static final WorldSpec SPEC = new WorldSpec(7, 2, 2, 16, List.of("ES", "FR", "MX"), 0.6, 0.1, 0.2, 0.15, 0.1, 0.6, 45);
    @TempDir static Path tmp;
    static World small;
    static Path written;

    @BeforeAll
    static void writeASmallWorld() throws IOException {
        small = WorldGenerator.generate(SPEC);
        written = WorldWriter.write(small, tmp.resolve("world"));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        World again = WorldGenerator.generate(SPEC);
        Map<String, byte[]> first = files(WorldWriter.write(small, tmp.resolve("a"), false));
        Map<String, byte[]> second = files(WorldWriter.write(again, tmp.resolve("b"), false));
        assertThat(second.keySet()).isEqualTo(first.keySet()).contains("truth.json", "published-feed.stix2.json",
                "enrichment/passive-dns.csv", "enrichment/whois.csv", "enrichment/tls.csv", "enrichment/asn.csv");
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void deviceEvidenceReadsBackEqual() {
        for (DeviceEvidence e : small.devices()) {
            Path file = written.resolve("devices").resolve(e.device().label()).resolve("device-evidence.json");
            assertThat(DeviceEvidenceJson.read(file)).isEqualTo(e);
        }
    }

    @Test
    void aFileThatIsNotDeviceEvidenceIsRefusedWithItsNameAndField() throws IOException {
        Path wrong = Files.writeString(tmp.resolve("wrong.json"), "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> DeviceEvidenceJson.read(wrong)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("wrong.json").hasMessageContaining("format");
        String good = new String(DeviceEvidenceJson.toBytes(small.devices().get(0)), StandardCharsets.UTF_8);
        Path badTrace = Files.writeString(tmp.resolve("bad-trace.json"), good.replaceFirst("\"trace\" : \"[a-z]+\"", "\"trace\" : \"psychic\""));
        assertThatThrownBy(() -> DeviceEvidenceJson.read(badTrace)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("sightings[0].trace").hasMessageContaining("psychic").hasMessageContaining("browsing");
    }

    @Test
    void thePublishedFeedReadsBackToTheSameIndicators() {
        Feed feed = FeedReader.defaults().read(written.resolve("published-feed.stix2.json"));
        assertThat(feed.sha256()).isEqualTo(small.feed().sha256());
        assertThat(feed.indicators()).extracting(i -> i.id()).isEqualTo(small.feed().indicators().stream().map(i -> i.id()).toList());
    }

    @Test
    void enrichmentFilesStartWithTheirSourceAndDate() throws IOException {
        for (String f : List.of("passive-dns.csv", "whois.csv", "tls.csv", "asn.csv")) {
            List<String> lines = Files.readAllLines(written.resolve("enrichment").resolve(f));
            assertThat(lines.get(0)).isEqualTo("# source: cotejo simulate (seed 7)");
            assertThat(lines.get(1)).matches("# date: \\d{4}-\\d{2}-\\d{2}");
            assertThat(lines.size()).isGreaterThan(3);
        }
        assertThat(Files.readAllLines(written.resolve("enrichment/passive-dns.csv")).get(2)).isEqualTo("domain,ip,first_seen,last_seen");
    }

    @Test
    void realExtractionsOpenWithTheProjectsReadersAndYieldThePlantedTraces() throws IOException {
        int ios = 0;
        int android = 0;
        for (DeviceEvidence e : small.devices()) {
            Path dir = written.resolve("devices").resolve(e.device().label());
            boolean isIos = e.device().platform().equals("ios");
            Set<Observable> found = new HashSet<>();
            try (Extraction x = isIos ? IosBackups.open(dir.resolve("ios-backup"), null) : AndroidQfs.open(dir.resolve("androidqf"))) {
                observe(x, found);
            }
            Path ab = dir.resolve("androidqf/backup.ab");
            if (Files.exists(ab)) {
                try (Extraction x = AndroidBackups.open(ab, null)) {
                    observe(x, found);
                }
            }
            // What each format carries (ExtractionWriter): lure links and implant processes on both; the
            // Android implant's package too.
            List<Observable> expected = new ArrayList<>();
            for (Sighting s : e.sightings()) {
                boolean carried = (s.trace() == TraceClass.DELIVERY && s.value().type() == ObservableType.URL)
                        || (s.trace() == TraceClass.EXECUTION && s.value().type() == ObservableType.PROCESS_NAME && !s.matches().isEmpty())
                        || (!isIos && s.trace() == TraceClass.CONFIGURATION && s.value().type() == ObservableType.APP_ID);
                if (carried) expected.add(new Observable(s.value().type(), s.value().value(), ""));
            }
            assertThat(found).as(e.device().label()).containsAll(expected);
            if (isIos) ios++;
            else android++;
        }
        assertThat(ios).isPositive();
        assertThat(android).isPositive();
    }

    private static void observe(Extraction x, Set<Observable> found) {
        new ModuleRunner(ModuleOptions.DEFAULT).run(x, Modules.installed().forKind(x.kind()), (Record r) -> {
            for (ObservedValue v : r.observables()) found.add(new Observable(v.observable().type(), v.observable().value(), ""));
        });
    }

    @Test
    void bigWorldsAreNotWrittenAsRealExtractions() {
        World big = WorldGenerator.generate(WorldSpec.hard(7, 60));
        assertThatThrownBy(() -> WorldWriter.write(big, tmp.resolve("big"), true)).isInstanceOf(CotejoException.class)
                .hasMessageContaining("at most 50");
    }
}
