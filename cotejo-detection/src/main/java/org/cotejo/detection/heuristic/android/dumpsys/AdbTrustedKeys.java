package org.cotejo.detection.heuristic.android.dumpsys;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.dumpsys.AdbAcquisition;
import org.cotejo.forensics.android.dumpsys.AdbTrustedKey;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.record.Record;

/**
 * The computers a phone trusts for ADB, compared with the one that made the AndroidQF acquisition
 * ({@link AdbAcquisition}, attached to the bugreport an AndroidQF collection holds): a trusted key that
 * is not the examiner's is a computer that could drive the phone over USB (LOW), as is a key that is not
 * even valid; the examiner's own key last used more than a day before the acquisition was trusted
 * earlier (INFO). Without an acquisition, nothing is said (MVT's generic check only logs the keys).
 */
public final class AdbTrustedKeys implements Heuristic {
    @Override public String id() { return "android.dumpsys.adb-trusted-key"; }
    @Override public String description() {
        return "Trusted ADB keys other than the acquiring computer's (dumpsys adb, AndroidQF): other computers could drive the phone";
    }
    @Override public Set<String> modules() { return Set.of("dumpsys_adb_state"); }

    @Override
    public Session start(HeuristicContext context) {
        Optional<AdbAcquisition> acquisition = acquisition(context.extraction());
        return (record, out) -> {
            if (acquisition.isEmpty()) return;
            String hostKey = hostKey(acquisition.get().hostPublicKey());
            Instant cutoff = acquisition.get().started() == null ? null : acquisition.get().started().minus(Duration.ofDays(1));
            for (AdbTrustedKey k : AdbTrustedKey.of(record.fields())) {
                Instant last = k.lastConnected() == null ? null : Instant.ofEpochMilli(k.lastConnected());
                String who = (k.fingerprint().isEmpty() ? "<unknown key>" : k.fingerprint()) + " (" + (k.user().isEmpty() ? "unknown user" : k.user()) + ")";
                if (!k.validKey()) {
                    out.alert(alert(Level.LOW, "Found an invalid trusted ADB host key: " + who, record, last));
                } else if (hostKey == null) {
                    out.alert(alert(Level.LOW, "Found a trusted ADB host key, but the AndroidQF acquisition does not include its host key: "
                            + who + "; it cannot be told apart from the examiner's computer", record, last));
                } else if (!hostKey.equals(k.key())) {
                    out.alert(alert(Level.LOW, "Found a trusted ADB host key different from the AndroidQF acquisition host: " + who
                            + "; another computer was allowed to control this phone over ADB", record, last));
                } else if (last != null && cutoff != null && !last.isAfter(cutoff)) {
                    out.alert(alert(Level.INFO, "Found a trusted ADB host key last connected at least one day before the AndroidQF "
                            + "acquisition: " + who + " (last connected " + last + ")", record, last));
                }
            }
        };
    }

    private Alert alert(Level level, String message, Record record, Instant when) {
        return new Alert(level, id(), message + " (" + record.provenance().describe() + ")", when, record);
    }

    /** The acquisition attached to this bugreport, or to the bugreport an AndroidQF extraction holds. */
    static Optional<AdbAcquisition> acquisition(Extraction x) {
        if (x == null) return Optional.empty();
        Optional<AdbAcquisition> own = x.service(AdbAcquisition.class);
        if (own.isPresent()) return own;
        for (Extraction inner : x.nested()) {
            if (inner.kind() == EvidenceKind.BUGREPORT && inner.service(AdbAcquisition.class).isPresent()) {
                return inner.service(AdbAcquisition.class);
            }
        }
        return Optional.empty();
    }

    /** The key material of an {@code adbkey.pub} line, or null when absent or not base64. */
    static String hostKey(String publicKey) {
        if (publicKey == null || publicKey.isBlank()) return null;
        AdbTrustedKey k = new AdbTrustedKey("", "", publicKey.strip().split("\\s+")[0], null);
        return k.validKey() ? k.key() : null;
    }
}
