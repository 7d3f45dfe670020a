package org.cotejo.cases.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cotejo.cases.Acquisition;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.ScanWriter;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.cotejo.cases.StoredObservation;
import org.cotejo.cases.store.CaseStore;

/**
 * A deterministic synthetic case (fixed seed) for the benchmark: devices, one evidence item each, and
 * per device a scan of timeline events, observations and a few detections, stored through the real
 * {@link ScanWriter} one transaction per device, as {@code cotejo case scan} stores them.
 *
 * <p>A device's observations: {@link #POPULAR} values every device has (the worst case for "which
 * devices have X"), values drawn from a shared pool of {@link #POOL} (moderate overlap between two
 * devices) and values of its own.
 */
final class SyntheticCase {
    static final String CASE_ID = "bench-case";
    static final int POPULAR = 200;
    static final int POOL = 100_000;
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String SHA = "5".repeat(64);

    private SyntheticCase() {}

    static String deviceId(int d) {
        return String.format("dev-%05d", d);
    }

    static String popularValue(int i) {
        return "popular-" + i + ".example.com";
    }

    /** Creates the case and its devices and evidence items. */
    static void create(CaseStore store, int devices) {
        store.transaction(h -> {
            store.createCase(h, new CaseInfo(CASE_ID, "BENCH", "bench", "bench", null, T0, "bench", "bench"));
            for (int d = 0; d < devices; d++) {
                String id = deviceId(d);
                store.addDevice(h, CASE_ID, new DeviceInfo(id, "D" + d, "ios", null, Map.of(), T0));
                store.addEvidence(h, CASE_ID, new EvidenceInfo("ev-" + id, id, "ios-backup", "/bench/" + id, "reference", null,
                        Acquisition.UNKNOWN, String.format("%064x", d), 0, 0, T0), List.of());
            }
            return null;
        });
    }

    /**
     * Stores one device's scan: {@code events} events, {@code observations} observations and
     * {@code detections} detections; returns the rows stored.
     */
    static long scan(CaseStore store, int d, int events, int observations, int detections) {
        String device = deviceId(d);
        SplittableRandom random = new SplittableRandom(d * 7919L + 17);
        return store.transaction(h -> {
            ScanWriter w = store.startScan(h, CASE_ID, "scan-" + device, device, "ev-" + device);
            for (int i = 0; i < events; i++) {
                w.event(new StoredEvent(T0.plus(Duration.ofSeconds(i * 37L + d)), "safari_history", "visit",
                        "visit to https://site-" + random.nextInt(POOL) + ".example.org/path/" + i, "Library/Safari/History.db", SHA,
                        "history_visits row " + i));
            }
            int popular = Math.min(POPULAR, observations);
            int pooled = Math.min((observations - popular) / 2, POOL / 2);
            for (int i = 0; i < popular; i++) w.observation(observation(popularValue(i), i, d));
            // Pool draws without repeats within a device: a random start and a stride coprime with POOL.
            int start = random.nextInt(POOL);
            for (int i = 0; i < pooled; i++) w.observation(observation("pool-" + (start + i * 7_919L) % POOL + ".example.net", i, d));
            for (int i = popular + pooled; i < observations; i++) {
                w.observation(observation("own-" + d + "-" + i + ".example.org", i, d));
            }
            for (int i = 0; i < detections; i++) {
                String domain = popularValue(i);
                w.detection(new StoredDetection(device, "critical", "match", "safari_history", "delivery", "domain", domain,
                        "https://" + domain + "/", "url", "domain-or-subdomain", "indicator--" + i, "domain", domain, "bench", SHA,
                        "Library/Safari/History.db", SHA, "history_items row " + i, T0.plus(Duration.ofSeconds(i * 91L)),
                        "visit to " + domain));
            }
            w.finish(new ScanSummary("scan-" + device, "ev-" + device, device, "bench", SHA, T0, T0, null, "infected", "bench", List.of(),
                    events, detections, 0, List.of(), null));
            return (long) events + observations + detections;
        });
    }

    private static StoredObservation observation(String value, int i, int d) {
        Instant first = T0.plus(Duration.ofSeconds(i * 13L + d));
        return new StoredObservation("domain", value, 1 + (i % 5), first, first.plus(Duration.ofHours(1 + i % 48)), "delivery");
    }
}
