package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Storing scans, their result hash, and re-scans, on both databases. */
class ScanStoreTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesAScanWhoseHashTheStoredRowsReproduce(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            ScanSummary stored = store.transaction(h -> writeScan(store, h, "s-1", 7_000));

            List<ScanSummary> scans = store.read(h -> store.scans(h, "c"));
            String recomputed = store.read(h -> store.resultHash(h, "c", "s-1"));

            assertThat(stored.resultSha256()).matches("[0-9a-f]{64}");
            assertThat(stored.detections()).isEqualTo(2);
            assertThat(stored.alerts()).isEqualTo(1);
            assertThat(scans).containsExactly(stored);
            assertThat(recomputed).isEqualTo(stored.resultSha256());
            assertThat(store.read((Handle h) -> store.resultHash(h, "c", "no-such-scan"))).isNull();
        }
    }

    @Test
    void givesTheSameResultHashOnSqliteAndPostgres() {
        String[] hashes = new String[2];
        for (Backend backend : Backend.values()) {
            try (CaseStore store = seeded(backend)) {
                hashes[backend.ordinal()] = store.transaction(h -> writeScan(store, h, "s-1", 100)).resultSha256();
            }
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
    }

    /**
     * The hash is over the public identifiers and the stored text, not over how rows are keyed: this
     * scan had the same hash when the scan-row tables were keyed by text identifiers.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void givesTheResultHashItGaveBeforeRowsWereKeyedByNumbers(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            assertThat(store.transaction(h -> writeScan(store, h, "s-1", 100)).resultSha256())
                    .isEqualTo("960451b07bf07cc603ac12e77d0f5cf5c4b60770c5e0064b58a69ab7c3e16715");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noticesAChangedByteInAnyStoredRowOfAScan(Backend backend) {
        List<String> tampering = List.of(
                "UPDATE events SET description = 'visit to examp1e.com' WHERE n = 3",
                "UPDATE detections SET indicator_value = 'other.example' WHERE n = 1",
                "UPDATE alerts SET time = NULL",
                "UPDATE observations SET count = count + 1 WHERE value = 'lsd.example'",
                "UPDATE scans SET verdict = 'nothing found'",
                "DELETE FROM events WHERE n = 99",
                // The internal numbers and what they stand for: a row moved to another scan, the device's
                // rows given to another device, a source file's hash changed under every row read from it.
                "UPDATE events SET scan_no = scan_no + 1 WHERE n = 5",
                "UPDATE devices SET device_no = device_no + 1",
                "UPDATE sources SET sha256 = 'c' || substr(sha256, 2) WHERE file = 'Library/Databases/DataUsage.sqlite'");
        for (String change : tampering) {
            try (CaseStore store = seeded(backend)) {
                String written = store.transaction(h -> writeScan(store, h, "s-1", 100)).resultSha256();

                store.transaction(h -> h.execute(change));

                assertThat(store.read((Handle h) -> store.resultHash(h, "c", "s-1"))).as(change).isNotEqualTo(written);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rescanningAnItemReplacesWhatItsEarlierScanStored(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            store.transaction(h -> writeScan(store, h, "s-1", 50));
            boolean before = store.read(h -> store.scanned(h, "c", "e-1", Samples.TOOL, Samples.FEEDS));
            boolean otherFeeds = store.read(h -> store.scanned(h, "c", "e-1", Samples.TOOL, "0".repeat(64)));

            ScanSummary second = store.transaction(h -> {
                ScanWriter w = store.startScan(h, "c", "s-2", "d-1", "e-1");
                w.event(Samples.event(5, "only event of the second scan"));
                w.observation(Samples.observation("domain", "new.example", 1));
                return w.finish(Samples.scan("s-2", "e-1", "d-1"));
            });

            List<ScanSummary> scans = store.read(h -> store.scans(h, "c"));
            assertThat(before).isTrue();
            assertThat(otherFeeds).isFalse();
            assertThat(scans).containsExactly(second);
            assertThat(store.read((Handle h) -> store.events(h, "c", "d-1", null, 100))).extracting(e -> e.description())
                    .containsExactly("only event of the second scan");
            assertThat(store.read((Handle h) -> store.detections(h, "c", "d-1"))).isEmpty();
            assertThat(store.read((Handle h) -> store.devicesWith(h, "c", "domain", "lsd.example"))).isEmpty();
            assertThat(store.read((Handle h) -> store.devicesWith(h, "c", "domain", "new.example"))).hasSize(1);
            assertThat(store.read((Handle h) -> store.resultHash(h, "c", "s-2"))).isEqualTo(second.resultSha256());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aScanThatFailsHalfWayLeavesTheCaseAsItWas(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            ScanSummary first = store.transaction(h -> writeScan(store, h, "s-1", 20));

            assertThatThrownBy(() -> store.transaction(h -> {
                ScanWriter w = store.startScan(h, "c", "s-2", "d-1", "e-1");
                for (int i = 0; i < 12_000; i++) w.event(Samples.event(i, "event " + i));
                throw new IllegalStateException("reader failed on a damaged file");
            })).hasMessage("reader failed on a damaged file");

            List<ScanSummary> scans = store.read(h -> store.scans(h, "c"));
            assertThat(scans).containsExactly(first);
            assertThat(store.read((Handle h) -> store.events(h, "c", "d-1", null, 1_000))).hasSize(20);
            assertThat(store.read((Handle h) -> store.resultHash(h, "c", "s-1"))).isEqualTo(first.resultSha256());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesASummaryOfAnotherScan(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            assertThatThrownBy(() -> store.transaction(h -> store.startScan(h, "c", "s-1", "d-1", "e-1")
                    .finish(Samples.scan("s-9", "e-1", "d-1")))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A scan of e-1 with {@code events} events, two detections, one alert and three observations. */
    static ScanSummary writeScan(CaseStore store, Handle h, String scanId, int events) {
        ScanWriter w = store.startScan(h, "c", scanId, "d-1", "e-1");
        for (int i = 0; i < events; i++) w.event(Samples.event(i, "visit " + i + " to lsd.example/é"));
        w.detection(Samples.detection("d-1", 10, "lsd.example"));
        w.detection(Samples.detection(null, 11, "free247downloads.com"));
        w.alert(Samples.alert("d-1", 12));
        w.observation(Samples.observation("domain", "lsd.example", 4));
        w.observation(Samples.observation("domain", "free247downloads.com", 2));
        w.observation(Samples.observation("process", "bh", 1));
        return w.finish(Samples.scan(scanId, "e-1", "d-1"));
    }

    private CaseStore seeded(Backend backend) {
        CaseStore store = backend.open(POSTGRES, dir);
        store.transaction(h -> {
            store.createCase(h, Samples.caseInfo("c"));
            store.addDevice(h, "c", Samples.device("d-1", "ES-01"));
            store.addEvidence(h, "c", Samples.evidence("e-1", "d-1", Samples.files(2)), Samples.files(2));
            return null;
        });
        return store;
    }
}
