package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every real-world feed in the shared corpus (COTEJO_CORPUS, outside the repository) loads, and
 * every skip says where and why. Prints a per-file table of counts and skip reasons for the docs.
 */
class CorpusConformanceTest {
    private static Path corpus;

    @BeforeEach
    void findCorpus() {
        String env = System.getenv("COTEJO_CORPUS");
        corpus = env == null ? null : Path.of(env);
        assumeTrue(corpus != null && Files.isDirectory(corpus.resolve("iocs")),
                "COTEJO_CORPUS not set: corpus conformance tests skipped");
    }

    private static List<Path> feeds() throws IOException {
        try (Stream<Path> iocs = Files.walk(corpus.resolve("iocs")); Stream<Path> mvt = Files.list(corpus.resolve("mvt-artifacts/stix2"))) {
            return Stream.concat(iocs.filter(p -> p.toString().matches(".*\\.(stix2|json|csv|txt)$")), mvt)
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyFeedLoadsAndEverySkipSaysWhereAndWhy() throws IOException {
        StringBuilder table = new StringBuilder("\n| feed | format | collections | indicators | skips | skip reasons |\n|---|---|---|---|---|---|\n");
        Map<String, Integer> allReasons = new TreeMap<>();
        int files = 0;
        for (Path file : feeds()) {
            String name = corpus.relativize(file).toString();
            if (Files.size(file) == 0) {
                assertThatThrownBy(() -> FeedReader.defaults().read(file)).isInstanceOf(CotejoException.class).hasMessageContaining("empty feed");
                table.append("| ").append(name).append(" | (empty file: error \"empty feed\") | | | | |\n");
                continue;
            }
            Feed feed = FeedReader.defaults().read(file);
            files++;
            assertThat(feed.sha256()).hasSize(64);
            for (Skip skip : feed.skips()) {
                assertThat(skip.location()).as("location of %s", skip).isNotBlank();
                assertThat(skip.reason()).as("reason of %s", skip).isNotBlank();
            }
            Map<String, Long> reasons = feed.skips().stream().collect(Collectors.groupingBy(s -> shape(s.reason()), TreeMap::new, Collectors.counting()));
            reasons.forEach((r, n) -> allReasons.merge(r, n.intValue(), Integer::sum));
            table.append("| ").append(name).append(" | ").append(feed.format()).append(" | ").append(feed.collections().size())
                    .append(" | ").append(feed.indicators().size()).append(" ").append(countsByType(feed.indicators()))
                    .append(" | ").append(feed.skips().size()).append(" | ")
                    .append(reasons.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        table.append("\nSkip reasons over the whole corpus:\n");
        allReasons.forEach((r, n) -> table.append("  ").append(n).append(" × ").append(r).append('\n'));
        System.out.println(table);
        Files.writeString(Path.of("target", "corpus-feeds.md"), table);
        assertThat(files).isGreaterThan(100);
    }

    /** Groups skip reasons by their wording, without the value that varies. */
    private static String shape(String reason) {
        return reason.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static String countsByType(List<Indicator> indicators) {
        Map<String, Long> byType = indicators.stream().collect(Collectors.groupingBy(i -> i.value().type().key(), TreeMap::new, Collectors.counting()));
        return byType.isEmpty() ? "" : "(" + byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    private static Map<ObservableType, Long> byType(Feed feed) {
        return feed.indicators().stream().collect(Collectors.groupingBy(i -> i.value().type(), Collectors.counting()));
    }

    @Test
    void amnestyPegasusBundleGivesItsDomainsProcessesAndAccountsAllAsPegasus() {
        Feed feed = FeedReader.defaults().read(corpus.resolve("iocs/amnesty/2021-07-18_nso/pegasus.stix2"));
        assertThat(feed.format()).isEqualTo("stix2");
        assertThat(byType(feed)).containsEntry(ObservableType.DOMAIN, 1438L).containsEntry(ObservableType.PROCESS_NAME, 81L)
                .containsEntry(ObservableType.EMAIL, 29L).containsEntry(ObservableType.FILE_NAME, 1L);
        assertThat(feed.collections()).hasSize(1);
        assertThat(feed.collections().get(0).indicates()).isEqualTo(new IndicatedThreat("malware", "Pegasus"));
        assertThat(feed.indicators()).allSatisfy(i -> assertThat(i.collection().name()).isEqualTo("Pegasus"));
        assertThat(feed.skips()).isEmpty();
    }

    @Test
    void mvtTestBundleGivesItsNineIndicators() {
        Feed feed = FeedReader.defaults().read(corpus.resolve("mvt-artifacts/stix2/test.stix2"));
        Map<ObservableType, String> values = feed.indicators().stream()
                .collect(Collectors.toMap(i -> i.value().type(), i -> i.value().raw(), (a, b) -> a + "," + b));
        assertThat(values).containsEntry(ObservableType.DOMAIN, "example.org").containsEntry(ObservableType.IPV4, "198.51.100.1")
                .containsEntry(ObservableType.PROCESS_NAME, "Launch").containsEntry(ObservableType.FILE_PATH, "/var/foobar/txt")
                .containsEntry(ObservableType.EMAIL, "foobar@example.org").containsEntry(ObservableType.ANDROID_PROPERTY, "sys.foobar")
                .containsEntry(ObservableType.URL, "http://example.com/thisisbad")
                .containsKeys(ObservableType.SHA256, ObservableType.SHA1);
        assertThat(feed.indicators()).hasSize(9);
        assertThat(feed.skips()).isEmpty();
        assertThat(feed.collections()).extracting(c -> c.indicates()).containsExactly(new IndicatedThreat("malware", "TestMalware"));
    }

    @Test
    void echapMispEventLoadsDomainsAppIdsAndCertificatesButNotAppNames() {
        Feed feed = FeedReader.defaults().read(corpus.resolve("iocs/echap/misp_event.json"));
        assertThat(feed.format()).isEqualTo("misp");
        Map<ObservableType, Long> counts = byType(feed);
        assertThat(counts).containsEntry(ObservableType.DOMAIN, 1000L).containsEntry(ObservableType.APP_ID, 650L)
                .containsEntry(ObservableType.APP_CERT_HASH, 490L).containsEntry(ObservableType.SHA256, 3262L);
        assertThat(counts).doesNotContainKey(ObservableType.PROCESS_NAME);
        Map<String, String> appNames = Map.of("TheTruthSpy", "");
        assertThat(feed.indicators()).noneMatch(i -> appNames.containsKey(i.value().raw()));
        assertThat(feed.notes()).anyMatch(n -> n.contains("1692 android-app 'name' attributes"));
        assertThat(feed.skips()).extracting(Skip::reason).containsExactly("link is a reference, not an indicator");
    }

    @Test
    void everyStixAndMispFeedSurvivesARoundTripThroughBothWriters() throws IOException {
        for (Path file : feeds()) {
            if (!file.toString().endsWith(".stix2") && !file.toString().endsWith(".json")) continue;
            Feed feed = FeedReader.defaults().read(file);
            Map<String, Long> meaning = meaning(feed);
            byte[] stix = new StixWriter(java.time.Instant.EPOCH).toBytes(feed.indicators());
            assertThat(meaning(FeedReader.defaults().read("out.stix2", stix))).as("STIX round trip of %s", file).isEqualTo(meaning);
            byte[] misp = new MispWriter().toBytes(feed.indicators());
            assertThat(meaning(FeedReader.defaults().read("out.json", misp))).as("MISP round trip of %s", file).isEqualTo(meaning);
        }
    }

    /** Distinct (collection, threat, type, value), counted: the writers drop duplicates within a collection. */
    private static Map<String, Long> meaning(Feed feed) {
        return feed.indicators().stream().map(i -> i.collection().name() + " | " + i.collection().indicates() + " | "
                + i.value().type().key() + " | " + i.value().value()).distinct()
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    @Test
    void amnestyNsoCsvGivesADomainAndAnAddressPerRow() {
        Feed feed = FeedReader.defaults().read(corpus.resolve("iocs/amnesty/2018-08-01_nso/indicators.csv"));
        assertThat(feed.format()).isEqualTo("csv");
        Map<ObservableType, Long> counts = byType(feed);
        assertThat(counts.get(ObservableType.DOMAIN)).isEqualTo(604L);
        assertThat(counts.get(ObservableType.IPV4)).isEqualTo(604L);
        assertThat(feed.indicators()).extracting(Indicator::location).first().isEqualTo("line 2");
        Function<Feed, Integer> skips = f -> f.skips().size();
        assertThat(skips.apply(feed)).isZero();
    }
}
