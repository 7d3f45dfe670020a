package org.cotejo.cases.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.cases.Acquisition;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceFile;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.LegalBasis;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.StoredAlert;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.StoredEvent;
import org.cotejo.cases.StoredObservation;

/**
 * Small, fixed values of the case vocabulary for tests: the same call always gives the same value, so
 * tests can compare what they stored with what they read back and hashes are reproducible.
 */
public final class Samples {
    /** Every sample time is counted from here. */
    public static final Instant T0 = Instant.parse("2024-04-23T09:15:00.123456789Z");
    public static final String TOOL = "cotejo 0.1.0-test";
    public static final String FEEDS = "f".repeat(64);

    private Samples() {}

    public static Instant at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    public static CaseInfo caseInfo(String id) {
        return new CaseInfo(id, "ES-2024-" + id, "CCN-CERT", "Audiencia Nacional, JCI 4, DP 67/2024",
                new LegalBasis("European Investigation Order", "EIO-FR-2024-17", "Tribunal judiciaire de Paris", "Audiencia Nacional", null),
                T0, "analyst-1", TOOL);
    }

    public static DeviceInfo device(String id, String label) {
        return new DeviceInfo(id, label, "ios", "Person " + label, Map.of("udid", "udid-" + id), T0);
    }

    public static EvidenceInfo evidence(String id, String deviceId, List<EvidenceFile> files) {
        long bytes = files.stream().mapToLong(EvidenceFile::size).sum();
        Acquisition a = new Acquisition("agent 4711", T0.minus(Duration.ofDays(2)), ZoneOffset.ofHours(2), "encrypted iTunes backup",
                "Finder", "14.4", "sealed bag 88");
        return new EvidenceInfo(id, deviceId, "ios-backup", "/evidence/" + id, "reference", null, a, manifest(id), files.size(), bytes, T0);
    }

    /** A stand-in manifest hash, different for every evidence id. */
    public static String manifest(String evidenceId) {
        return String.format("%064x", Math.abs((long) evidenceId.hashCode()));
    }

    public static List<EvidenceFile> files(int count) {
        List<EvidenceFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new EvidenceFile(String.format("Files/%02x/%06d.db", i % 256, i), 1000L + i, at(i), String.format("%064x", i)));
        }
        return files;
    }

    public static FeedInfo feed(String sha256) {
        return new FeedInfo(sha256, "pegasus.stix2", "stix2", 1549, "feeds/" + sha256 + ".stix2", T0);
    }

    public static StoredEvent event(long second, String description) {
        return new StoredEvent(at(second), "safari_history", "visit", description, "Library/Safari/History.db",
                "a".repeat(64), "history_visits row " + second);
    }

    public static StoredDetection detection(String deviceId, long second, String domain) {
        return new StoredDetection(deviceId, "critical", "match", "safari_history", "delivery", "domain", domain, "https://" + domain + "/x",
                "url", "domain-or-subdomain", "indicator--" + domain, "domain", domain, "Pegasus", FEEDS,
                "Library/Safari/History.db", "a".repeat(64), "history_items row 7", at(second), "visit to " + domain);
    }

    public static StoredAlert alert(String deviceId, long second) {
        return new StoredAlert(deviceId, "warning", "process-gap", "datausage", "unknown process bh ran for 3 s", at(second),
                "Library/Databases/DataUsage.sqlite", "b".repeat(64), "ZPROCESS row 12");
    }

    public static StoredObservation observation(String type, String value, long count) {
        return new StoredObservation(type, value, count, at(count), at(count * 10), "delivery");
    }

    public static ScanSummary scan(String id, String evidenceId, String deviceId) {
        return new ScanSummary(id, evidenceId, deviceId, TOOL, FEEDS, at(0), at(60), "analyst-1", "infected", "execution+network",
                List.of("process bh in DataUsage", "domain of Pegasus feed visited"), 1234, 0, 0, List.of(), null);
    }
}
