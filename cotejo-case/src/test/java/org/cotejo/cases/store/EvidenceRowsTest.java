package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Evidence items, their files and the pinned feeds, on both databases. */
class EvidenceRowsTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesAnEvidenceItemWithItsAcquisitionAndFindsItAgainByItsManifest(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            EvidenceInfo backup = Samples.evidence("e-1", "d-1", Samples.files(3));
            EvidenceInfo later = new EvidenceInfo("e-2", "d-1", "sysdiagnose", "/evidence/e-2", "vault", "evidence/e-2", null,
                    Samples.manifest("e-2"), 0, 0, Samples.at(60));
            store.transaction(h -> {
                store.addEvidence(h, "c", later, List.of());
                store.addEvidence(h, "c", backup, Samples.files(3));
                return null;
            });

            Optional<EvidenceInfo> again = store.read(h -> store.findEvidenceByManifest(h, "c", Samples.manifest("e-1")));
            Optional<EvidenceInfo> other = store.read(h -> store.findEvidenceByManifest(h, "c", "0".repeat(64)));
            List<EvidenceInfo> items = store.read(h -> store.evidence(h, "c"));

            assertThat(again).contains(backup);
            assertThat(other).isEmpty();
            Optional<EvidenceInfo> byId = store.read(h -> store.findEvidence(h, "c", "e-2"));
            assertThat(byId).get()
                    .satisfies(e -> assertThat(e.acquisition()).isEqualTo(org.cotejo.cases.Acquisition.UNKNOWN))
                    .satisfies(e -> assertThat(e.vaultPath()).isEqualTo("evidence/e-2"));
            assertThat(items).containsExactly(backup, new EvidenceInfo("e-2", "d-1", "sysdiagnose", "/evidence/e-2", "vault",
                    "evidence/e-2", org.cotejo.cases.Acquisition.UNKNOWN, Samples.manifest("e-2"), 0, 0, Samples.at(60)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void streamsTheFilesOfAnItemInByteOrderOfTheirPaths(Backend backend) {
        List<EvidenceFile> files = new ArrayList<>(Samples.files(12_345));
        // Names whose order differs between byte order and a language's rules (case, accents, punctuation).
        for (String name : List.of("a", "B", "Z/x", "a.b", "a-b", "ab", "é", "e", "_x", "Library/SMS/sms.db")) {
            files.add(new EvidenceFile(name, 1, null, "c".repeat(64)));
        }
        try (CaseStore store = seeded(backend)) {
            EvidenceInfo item = Samples.evidence("e-1", "d-1", files);
            store.transaction(h -> {
                store.addEvidence(h, "c", item, files);
                return null;
            });

            List<EvidenceFile> streamed = new ArrayList<>();
            store.transaction(h -> {
                store.files(h, "c", "e-1", streamed::add);
                return null;
            });

            List<EvidenceFile> byBytes = new ArrayList<>(files);
            byBytes.sort(Comparator.comparing(f -> new String(f.path().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.ISO_8859_1)));
            assertThat(streamed).hasSize(12_355).containsExactlyElementsOf(byBytes);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesFilesThatDisagreeWithTheItemsCounts(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            EvidenceInfo claimsThree = Samples.evidence("e-1", "d-1", Samples.files(3));

            assertThatThrownBy(() -> store.transaction(h -> {
                store.addEvidence(h, "c", claimsThree, Samples.files(2));
                return null;
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares 3 files");
            List<EvidenceInfo> items = store.read(h -> store.evidence(h, "c"));
            assertThat(items).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pinsEachFeedOnceAndListsFeedsInTheOrderTheyWereAdded(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            FeedInfo pegasus = Samples.feed("1".repeat(64));
            FeedInfo predator = new FeedInfo("2".repeat(64), "predator.stix2", "stix2", 300, "feeds/predator.stix2", Samples.at(-10));

            boolean first = store.transaction(h -> store.addFeed(h, "c", pegasus));
            boolean second = store.transaction(h -> store.addFeed(h, "c", pegasus));
            store.transaction(h -> store.addFeed(h, "c", predator));

            assertThat(first).isTrue();
            assertThat(second).isFalse();
            List<FeedInfo> feeds = store.read(h -> store.feeds(h, "c"));
            assertThat(feeds).containsExactly(predator, pegasus);
        }
    }

    private CaseStore seeded(Backend backend) {
        CaseStore store = backend.open(POSTGRES, dir);
        store.transaction(h -> {
            store.createCase(h, Samples.caseInfo("c"));
            store.addDevice(h, "c", Samples.device("d-1", "ES-01"));
            return null;
        });
        return store;
    }
}
