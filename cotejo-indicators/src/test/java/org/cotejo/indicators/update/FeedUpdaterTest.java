package org.cotejo.indicators.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.indicators.update.FeedResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedUpdaterTest {
    private static final Instant FIRST = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-12-04T10:00:00Z");
    private static final String ONE = "acme-iocs-a-one";
    private static final String TWO = "acme-iocs-2024_b-two";

    @TempDir Path data;
    private FeedServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String bundle(String domain) {
        return "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"indicator\", "
                + "\"pattern\": \"[domain-name:value = '" + domain + "']\"}]}";
    }

    /** An indicators.yaml in MVT's format listing github feeds on the test server, then a download entry. */
    private void serveIndex(String... githubPaths) {
        StringBuilder yaml = new StringBuilder("indicators:\n");
        for (String path : githubPaths) {
            yaml.append("  -\n    type: github\n    name: Feed ").append(path).append('\n')
                    .append("    github:\n      owner: acme\n      repo: iocs\n      branch: main\n      path: ").append(path).append('\n');
        }
        yaml.append("  -\n    type: download\n    name: Elsewhere\n    download_url: https://example.org/feed.stix2\n");
        server.serve("/indicators.yaml", yaml.toString());
    }

    private FeedUpdater updater(Instant now) {
        return FeedUpdater.builder().dataDir(data).indexUrl(server.base() + "/indicators.yaml")
                .rawBase(server.base() + "/raw/").clock(Clock.fixed(now, ZoneOffset.UTC)).maxBytes(2_000).build();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsEveryVersionOfEveryFeedAcrossUpdates() throws Exception {
        serveIndex("a/one.stix2", "2024_b/two.stix2");
        server.serve("/raw/acme/iocs/main/a/one.stix2", bundle("one.example"));
        server.serve("/raw/acme/iocs/main/2024_b/two.stix2", bundle("two.example"));

        UpdateReport first = updater(FIRST).update();

        assertThat(first.index().status()).isEqualTo(Status.NEW);
        assertThat(first.feeds()).extracting(FeedResult::name, FeedResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Feed a/one.stix2", Status.NEW),
                org.assertj.core.groups.Tuple.tuple("Feed 2024_b/two.stix2", Status.NEW),
                org.assertj.core.groups.Tuple.tuple("Elsewhere", Status.SKIPPED));
        assertThat(first.feeds().get(2).reason()).isEqualTo("type 'download' is not supported; only 'github' entries are fetched");
        assertThat(first.feeds().get(0).sha256()).isEqualTo(sha256(bundle("one.example")));
        assertThat(first.feeds().get(0).bytes()).isEqualTo(bundle("one.example").length());
        assertThat(first.feeds().get(0).url()).isEqualTo(server.base() + "/raw/acme/iocs/main/a/one.stix2");

        server.serve("/raw/acme/iocs/main/2024_b/two.stix2", bundle("two-changed.example"));
        UpdateReport second = updater(SECOND).update();

        assertThat(second.index().status()).isEqualTo(Status.UNCHANGED);
        assertThat(second.feeds()).extracting(FeedResult::status).containsExactly(Status.UNCHANGED, Status.NEW, Status.SKIPPED);

        FeedStore store = new FeedStore(data);
        assertThat(store.versions(ONE)).singleElement().satisfies(v -> {
            assertThat(v.retrieved()).isEqualTo(FIRST);
            assertThat(v.file()).hasContent(bundle("one.example"));
        });
        assertThat(filesIn(data.resolve("feeds").resolve(ONE)))
                .containsExactly(sha256(bundle("one.example")) + ".stix2", "versions.json");
        List<StoredFeed> two = store.versions(TWO);
        assertThat(two).extracting(StoredFeed::sha256)
                .containsExactly(sha256(bundle("two.example")), sha256(bundle("two-changed.example")));
        assertThat(two).extracting(StoredFeed::retrieved).containsExactly(FIRST, SECOND);
        assertThat(two.get(0).file()).hasContent(bundle("two.example"));
        assertThat(two.get(1).file()).hasContent(bundle("two-changed.example"));
        assertThat(store.latest()).extracting(StoredFeed::slug, StoredFeed::sha256).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TWO, sha256(bundle("two-changed.example"))),
                org.assertj.core.groups.Tuple.tuple(ONE, sha256(bundle("one.example"))),
                org.assertj.core.groups.Tuple.tuple(FeedUpdater.INDEX_SLUG, first.index().sha256()));
    }

    @Test
    void writesTheVersionHistoryAsJson() throws Exception {
        serveIndex("2024_b/two.stix2");
        server.serve("/raw/acme/iocs/main/2024_b/two.stix2", bundle("two.example"));
        updater(FIRST).update();
        server.serve("/raw/acme/iocs/main/2024_b/two.stix2", bundle("two-changed.example"));
        updater(SECOND).update();

        JsonNode versions = new ObjectMapper().readTree(data.resolve("feeds").resolve(TWO).resolve("versions.json").toFile());

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("sha256").asText()).isEqualTo(sha256(bundle("two.example")));
        assertThat(versions.get(0).path("url").asText()).isEqualTo(server.base() + "/raw/acme/iocs/main/2024_b/two.stix2");
        assertThat(versions.get(0).path("retrieved").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(versions.get(0).path("bytes").asLong()).isEqualTo(bundle("two.example").length());
        assertThat(versions.get(1).path("retrieved").asText()).isEqualTo("2026-12-04T10:00:00Z");
    }

    @Test
    void storesTheIndexItselfTheSameWay() throws Exception {
        serveIndex();

        UpdateReport report = updater(FIRST).update();

        assertThat(new FeedStore(data).versions(FeedUpdater.INDEX_SLUG)).singleElement().satisfies(v -> {
            assertThat(v.file().getFileName().toString()).isEqualTo(report.index().sha256() + ".yaml");
            assertThat(v.url()).isEqualTo(server.base() + "/indicators.yaml");
            assertThat(Files.readString(v.file())).startsWith("indicators:");
        });
    }

    @Test
    void reportsBrokenFeedsAsFailedAndStoresNothingForThem() throws Exception {
        serveIndex("ok/good.stix2", "bad/page.stix2", "gone/missing.stix2", "big/announced.stix2", "big/chunked.stix2",
                "moved/away.stix2");
        server.serve("/raw/acme/iocs/main/ok/good.stix2", bundle("good.example"));
        server.serve("/raw/acme/iocs/main/bad/page.stix2", "<html><body>Rate limited</body></html>");
        String huge = bundle("x".repeat(3_000) + ".example");
        server.serve("/raw/acme/iocs/main/big/announced.stix2", huge);
        server.serveChunked("/raw/acme/iocs/main/big/chunked.stix2", huge);
        server.redirect("/raw/acme/iocs/main/moved/away.stix2", "http://example.org/away.stix2");

        UpdateReport report = updater(FIRST).update();

        assertThat(report.feeds()).extracting(FeedResult::status).containsExactly(
                Status.NEW, Status.FAILED, Status.FAILED, Status.FAILED, Status.FAILED, Status.FAILED, Status.SKIPPED);
        assertThat(report.hasFailures()).isTrue();
        assertThat(report.feeds().get(1).reason()).contains("is not JSON").endsWith("not stored");
        assertThat(report.feeds().get(2).reason()).isEqualTo("HTTP 404 from " + server.base() + "/raw/acme/iocs/main/gone/missing.stix2");
        assertThat(report.feeds().get(3).reason()).contains("is larger than the limit of 2000 bytes");
        assertThat(report.feeds().get(4).reason()).contains("is larger than the limit of 2000 bytes");
        assertThat(report.feeds().get(5).reason()).isEqualTo("refusing to fetch over plain http: http://example.org/away.stix2");
        assertThat(filesIn(data.resolve("feeds")))
                .containsExactly(".update.lock", "acme-iocs-ok-good", FeedUpdater.INDEX_SLUG);
        try (Stream<Path> all = Files.walk(data)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".part-"));
        }
    }

    @Test
    void skipsIndexEntriesWhosePathWouldLeaveTheirFolder() {
        server.serve("/indicators.yaml", "indicators:\n  - type: github\n    name: Sneaky\n    github:\n"
                + "      owner: acme\n      repo: iocs\n      branch: main\n      path: ../../etc/passwd\n");

        UpdateReport report = updater(FIRST).update();

        assertThat(report.feeds()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.SKIPPED);
            assertThat(f.reason()).startsWith("github owner/repo/branch/path missing or not plain");
        });
    }

    @Test
    void failsWholeWhenTheIndexCannotBeFetched() {
        assertThatThrownBy(() -> updater(FIRST).update())
                .isInstanceOf(CotejoException.class)
                .hasMessage("cannot fetch the feed index: HTTP 404 from " + server.base() + "/indicators.yaml");
        assertThat(new FeedStore(data).latest()).isEmpty();
    }

    @Test
    void rejectsAnIndexThatIsNotMvtsFormat() {
        server.serve("/indicators.yaml", "feeds: []\n");

        assertThatThrownBy(() -> updater(FIRST).update())
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("has no \"indicators\" list");
    }

    @Test
    void refusesPlainHttpToAnyHostButThisMachine() {
        assertThatThrownBy(() -> FeedUpdater.builder().indexUrl("http://example.org/indicators.yaml"))
                .isInstanceOf(CotejoException.class)
                .hasMessage("refusing to fetch over plain http: http://example.org/indicators.yaml");
        assertThatThrownBy(() -> FeedUpdater.builder().rawBase("http://mirror.example.net/raw/"))
                .isInstanceOf(CotejoException.class)
                .hasMessage("refusing to fetch over plain http: http://mirror.example.net/raw/");
        assertThatThrownBy(() -> FeedUpdater.builder().indexUrl("ftp://example.org/indicators.yaml"))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("only https URLs are allowed");
        FeedUpdater.builder().indexUrl("http://localhost:8080/indicators.yaml").rawBase("http://[::1]:8080/raw/");
    }
}
