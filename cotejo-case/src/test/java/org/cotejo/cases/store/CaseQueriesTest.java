package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.SharedObservable;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.cotejo.cases.StoredObservation;
import org.cotejo.cases.testing.Backend;
import org.cotejo.cases.testing.PostgresCluster;
import org.cotejo.cases.testing.Samples;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The analyst's and the correlation stage's questions, on both databases, and the plans that show an
 * index answers each of them (a dropped or changed index fails here, not in a court-day demo).
 */
class CaseQueriesTest {
    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsTheDetectionsOfADeviceInTimeOrderAndOfTheWholeCase(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            List<StoredDetection> minister = store.read((Handle h) -> store.detections(h, "c", "d-a"));
            List<StoredDetection> all = store.read((Handle h) -> store.detections(h, "c", null));

            assertThat(minister).extracting(StoredDetection::observableValue).containsExactly("lsd.example", "bun54l2b67.get1tn0w.free247downloads.com");
            assertThat(all).extracting(d -> d.deviceId() + " " + d.observableValue()).containsExactly(
                    "d-a lsd.example", "d-a bun54l2b67.get1tn0w.free247downloads.com", "d-b lsd.example");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void findsEveryDeviceAnObservableOccursOnWithCountsAndFirstAndLastSighting(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            List<DeviceSighting> sightings = store.read((Handle h) -> store.devicesWith(h, "c", "domain", "lsd.example"));
            List<DeviceSighting> none = store.read((Handle h) -> store.devicesWith(h, "c", "domain", "example.org"));

            // d-a saw it in two evidence items: counts add up, first and last span both.
            assertThat(sightings).containsExactly(
                    new DeviceSighting("d-a", 7, Samples.at(10), Samples.at(900)),
                    new DeviceSighting("d-b", 1, Samples.at(5), Samples.at(5)));
            assertThat(none).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsTheObservablesTwoDevicesShareInByteOrder(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            List<SharedObservable> shared = store.read((Handle h) -> store.shared(h, "c", "d-a", "d-b"));

            assertThat(shared).containsExactly(
                    new SharedObservable("domain", "ZZ-cdn.example", 1, 1),
                    new SharedObservable("domain", "lsd.example", 7, 1),
                    new SharedObservable("process", "bh", 2, 3));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pagesThroughADevicesTimeline(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            List<StoredEvent> first = store.read((Handle h) -> store.events(h, "c", "d-a", null, 3));
            List<StoredEvent> next = store.read((Handle h) -> store.events(h, "c", "d-a", first.get(2).time().plusNanos(1), 3));

            assertThat(first).extracting(StoredEvent::description).containsExactly("a-0", "b-0", "a-1");
            assertThat(next).extracting(StoredEvent::description).containsExactly("b-1", "a-2", "b-2");
            assertThat(first.get(0).time()).isEqualTo(Samples.at(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void answersEachQueryThroughAnIndex(Backend backend) {
        try (CaseStore store = seeded(backend)) {
            addBulk(store);
            // The scan-row tables are clustered by their primary keys on SQLite (WITHOUT ROWID), which
            // its plans call PRIMARY KEY; PostgreSQL names the index.
            boolean sqlite = backend == Backend.SQLITE;
            // Which devices have a value: through the value's index, or the case's devices and then each
            // one's observations by primary key; planners choose by statistics.
            Map<String, String> byIndex = Map.of(
                    CaseQueries.DETECTIONS_OF_DEVICE, sqlite ? "SEARCH r USING PRIMARY KEY \\(device_no=\\?" : "detections_pkey",
                    CaseQueries.DETECTIONS_OF_CASE, sqlite ? "SEARCH r USING PRIMARY KEY \\(device_no=\\?" : "detections_pkey",
                    CaseQueries.DEVICES_WITH, "observations_by_value|PRIMARY KEY \\(device_no=\\? AND type=\\? AND value=\\?\\)",
                    CaseQueries.SHARED, sqlite ? "SEARCH observations USING PRIMARY KEY \\(device_no=\\?\\)" : "observations_pkey",
                    CaseQueries.EVENTS, "events_by_device_time");
            for (Map.Entry<String, String> q : byIndex.entrySet()) {
                List<String> plan = QueryPlans.plan(store, store.querySql(q.getKey()), Map.of("caseId", "c", "deviceId", "bulk-01",
                        "deviceA", "bulk-01", "deviceB", "bulk-02", "type", "domain", "value", "host5.example", "from", "", "limit", 100));
                assertThat(plan).as(q.getKey()).anyMatch(line -> Pattern.compile(q.getValue()).matcher(line).find());
                assertThat(plan).as(q.getKey()).noneMatch(QueryPlans::readsAWholeTable);
            }
        }
    }

    /**
     * Forty more devices with a thousand events and a hundred observations each, and fresh statistics: planners
     * choose by statistics, and on a handful of rows any index (or none) looks as good as another.
     */
    private static void addBulk(CaseStore store) {
        store.transaction(h -> {
            for (int d = 0; d < 40; d++) {
                String device = String.format("bulk-%02d", d);
                store.addDevice(h, "c", Samples.device(device, "BULK-" + d));
                store.addEvidence(h, "c", Samples.evidence("e-" + device, device, List.of()), List.of());
                ScanWriter w = store.startScan(h, "c", "s-" + device, device, "e-" + device);
                for (int i = 0; i < 1_000; i++) w.event(Samples.event(i, "bulk"));
                for (int i = 0; i < 100; i++) {
                    w.observation(Samples.observation("domain", "host" + i + ".example", 1 + i % 3));
                    if (i % 10 == 0) w.detection(Samples.detection(device, i, "host" + i + ".example"));
                }
                w.finish(Samples.scan("s-" + device, "e-" + device, device));
            }
            h.execute("ANALYZE");
            return null;
        });
    }

    /**
     * Two devices, d-a with two evidence items (e-a1, e-a2) and d-b with one; timelines interleave,
     * observations overlap on lsd.example, ZZ-cdn.example (upper case sorts first as bytes) and bh.
     */
    private CaseStore seeded(Backend backend) {
        CaseStore store = backend.open(POSTGRES, dir);
        store.transaction(h -> {
            store.createCase(h, Samples.caseInfo("c"));
            store.addDevice(h, "c", Samples.device("d-a", "ES-01"));
            store.addDevice(h, "c", Samples.device("d-b", "ES-02"));
            for (String[] item : new String[][] {{"e-a1", "d-a"}, {"e-a2", "d-a"}, {"e-b", "d-b"}}) {
                store.addEvidence(h, "c", Samples.evidence(item[0], item[1], List.of()), List.of());
            }
            ScanWriter a1 = store.startScan(h, "c", "s-a1", "d-a", "e-a1");
            for (int i = 0; i < 3; i++) a1.event(Samples.event(2L * i, "a-" + i));
            a1.detection(Samples.detection("d-a", 50, "bun54l2b67.get1tn0w.free247downloads.com"));
            a1.detection(Samples.detection("d-a", 20, "lsd.example"));
            a1.observation(new StoredObservation("domain", "lsd.example", 4, Samples.at(10), Samples.at(400), "delivery"));
            a1.observation(new StoredObservation("process", "bh", 2, Samples.at(1), Samples.at(2), "execution"));
            a1.observation(new StoredObservation("domain", "only-a.example", 1, null, null, "delivery"));
            a1.finish(Samples.scan("s-a1", "e-a1", "d-a"));
            ScanWriter a2 = store.startScan(h, "c", "s-a2", "d-a", "e-a2");
            for (int i = 0; i < 3; i++) a2.event(Samples.event(2L * i + 1, "b-" + i));
            a2.observation(new StoredObservation("domain", "lsd.example", 3, Samples.at(30), Samples.at(900), "delivery"));
            a2.observation(new StoredObservation("domain", "ZZ-cdn.example", 1, Samples.at(30), Samples.at(30), "delivery"));
            a2.finish(Samples.scan("s-a2", "e-a2", "d-a"));
            ScanWriter b = store.startScan(h, "c", "s-b", "d-b", "e-b");
            b.event(Samples.event(0, "other device"));
            b.detection(Samples.detection("d-b", 5, "lsd.example"));
            b.observation(new StoredObservation("domain", "lsd.example", 1, Samples.at(5), Samples.at(5), "delivery"));
            b.observation(new StoredObservation("domain", "ZZ-cdn.example", 1, Samples.at(6), Samples.at(6), "delivery"));
            b.observation(new StoredObservation("process", "bh", 3, Samples.at(7), Samples.at(8), "execution"));
            b.finish(Samples.scan("s-b", "e-b", "d-b"));
            return null;
        });
        return store;
    }
}
