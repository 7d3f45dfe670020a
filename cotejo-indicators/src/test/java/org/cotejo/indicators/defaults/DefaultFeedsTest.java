package org.cotejo.indicators.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DefaultFeedsTest {
    private static final String PREFIX = "org/cotejo/indicators/defaults/feeds/";

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream din = new DigestInputStream(in, digest)) {
            din.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void listsTheAmnestyAndMvtBundles() {
        assertThat(DefaultFeeds.list()).hasSize(16);
        assertThat(DefaultFeeds.list()).extracting(DefaultFeed::resource)
                .contains(PREFIX + "amnesty/2021-07-18_nso/pegasus.stix2",
                        PREFIX + "mvt-indicators/intellexa_predator/predator.stix2");
    }

    @Test
    void everyListedFeedIsBundledWithExactlyTheListedHash() throws Exception {
        for (DefaultFeed feed : DefaultFeeds.list()) {
            try (InputStream in = feed.open()) {
                assertThat(sha256(in)).as("SHA-256 of %s (update feeds/index.json if the copy was refreshed)", feed.resource())
                        .isEqualTo(feed.sha256());
            }
        }
    }

    @Test
    void everyBundledFeedFileIsListedInTheIndex() throws IOException, URISyntaxException {
        Path feeds = Path.of(DefaultFeeds.class.getResource("feeds").toURI());
        try (Stream<Path> files = Files.walk(feeds)) {
            List<String> bundled = files.filter(p -> p.toString().endsWith(".stix2"))
                    .map(p -> PREFIX + feeds.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(bundled).containsExactlyInAnyOrderElementsOf(
                    DefaultFeeds.list().stream().map(DefaultFeed::resource).toList());
        }
    }

    @Test
    void bundlesOnlyFeedsUnderCcByOrMitWithTheMatchingCredit() {
        assertThat(DefaultFeeds.list()).allSatisfy(feed -> {
            assertThat(feed.licence()).isIn("CC-BY-2.0", "MIT");
            if (feed.licence().equals("MIT")) {
                assertThat(feed.credit()).isEqualTo("Copyright (c) 2022 MVT");
                assertThat(feed.upstream()).startsWith("https://github.com/mvt-project/mvt-indicators/blob/main/");
            } else {
                assertThat(feed.credit()).isEqualTo("Amnesty International");
                assertThat(feed.upstream()).startsWith("https://github.com/AmnestyTech/investigations/blob/master/");
            }
            assertThat(feed.resource().toLowerCase()).doesNotContain("citizenlab").doesNotContain("echap").doesNotContain("stalkerware");
            assertThat(feed.copied()).isEqualTo(LocalDate.of(2026, 11, 27));
        });
    }

    @Test
    void shipsTheMitLicenceTextOfTheMvtIndicators() throws IOException {
        try (InputStream in = DefaultFeeds.class.getResourceAsStream("feeds/mvt-indicators/LICENSE")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("MIT License").contains("Copyright (c) 2022 MVT");
        }
    }

    @Test
    void everyBundledFeedIsAStixBundle() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (DefaultFeed feed : DefaultFeeds.list()) {
            try (InputStream in = feed.open()) {
                assertThat(json.readTree(in).path("type").asText()).as(feed.resource()).isEqualTo("bundle");
            }
        }
    }

    @Test
    void usesMvtsDisplayNameWhereItsIndexListsTheSameFile() throws IOException {
        Path yaml = corpus().resolve("iocs/mvt-indicators/indicators.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(yaml), "conformance corpus absent: " + yaml);
        int compared = 0;
        for (JsonNode entry : new YAMLMapper().readTree(yaml.toFile()).path("indicators")) {
            JsonNode github = entry.path("github");
            String upstream = "https://github.com/" + github.path("owner").asText() + "/" + github.path("repo").asText()
                    + "/blob/" + github.path("branch").asText() + "/" + github.path("path").asText();
            for (DefaultFeed feed : DefaultFeeds.list()) {
                if (feed.upstream().equals(upstream)) {
                    assertThat(feed.name()).isEqualTo(entry.path("name").asText());
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(14);
    }

    @Test
    void openingAMissingResourceIsAUserError() {
        DefaultFeed gone = new DefaultFeed(PREFIX + "nowhere/missing.stix2", "Missing feed", "test", "MIT", "nobody",
                "https://example.org/missing", "00", LocalDate.of(2026, 11, 27));

        assertThatThrownBy(gone::open).isInstanceOf(CotejoException.class)
                .hasMessageStartingWith("bundled feed 'Missing feed' is missing from this build");
    }

    private static Path corpus() {
        String env = System.getenv("COTEJO_CORPUS");
        if (env != null && !env.isBlank()) return Path.of(env);
        // Maven runs tests in the module folder; the corpus sits beside the project root.
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("cotejo-core/pom.xml"))) root = root.getParent();
        return root == null ? Path.of("shared/corpus") : root.resolveSibling("shared").resolve("corpus");
    }
}
