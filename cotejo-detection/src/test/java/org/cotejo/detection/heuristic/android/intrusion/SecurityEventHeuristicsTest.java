package org.cotejo.detection.heuristic.android.intrusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.android.intrusion.SecurityEvent;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class SecurityEventHeuristicsTest {
    private static final List<Heuristic> RULES = List.of(new CertValidationFailure(), new KeyIntegrityViolation(),
            new CertificateAuthorityInstalled(), new WipeFailure(), new CryptoSelfTestFailed());

    @Test
    void areFoundByTheServiceLoader() {
        List<String> ids = new ArrayList<>();
        java.util.ServiceLoader.load(Heuristic.class).forEach(h -> ids.add(h.id()));
        assertThat(ids).contains("android.security-event.cert-validation-failure", "android.security-event.key-integrity-violation",
                "android.security-event.ca-installed", "android.security-event.wipe-failure", "android.security-event.crypto-self-test-failed");
    }

    @Test
    void flagsEachSuspiciousSecurityEventAtMediumWithWhyItMatters() {
        List<Alert> alerts = run(
                event("cert_validation_failure", Map.of("reason", "Certificate chain broken")),
                event("key_integrity_violation", new java.util.TreeMap<>(Map.of("alias", "user_key", "uid", 10123))),
                event("cert_authority_installed", Map.of("subject", "CN=Totally Legit CA", "user_id", 0)),
                event("wipe_failure", Map.of()),
                event("crypto_self_test_completed", Map.of("success", false)));

        assertThat(alerts).extracting(Alert::heuristic).containsExactly("android.security-event.cert-validation-failure",
                "android.security-event.key-integrity-violation", "android.security-event.ca-installed",
                "android.security-event.wipe-failure", "android.security-event.crypto-self-test-failed");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
            assertThat(a.message()).endsWith("(at 2025-01-01 12:00:00.123456 UTC, security.txt, line 3)");
        });
        assertThat(alerts.get(0).message()).startsWith("Certificate validation failure detected: reason=Certificate chain broken; an interception");
        assertThat(alerts.get(1).message()).startsWith("Key integrity violation detected: alias=user_key, uid=10123; a key");
        assertThat(alerts.get(2).message()).startsWith("Certificate authority installed: CN=Totally Legit CA; whoever holds its key");
        assertThat(alerts.get(3).message()).startsWith("Device wipe failure detected; ");
        assertThat(alerts.get(4).message()).startsWith("Cryptographic self test failed; ");
    }

    @Test
    void flagsACertificateAuthorityInstallThatDoesNotSayItsOutcome() {
        assertThat(run(event("cert_authority_installed", Map.of("subject", "CN=x")))).hasSize(1);
    }

    @Test
    void saysNothingOfAFailedCaInstallAPassedSelfTestOrOrdinaryEvents() {
        assertThat(run(
                event("cert_authority_installed", Map.of("subject", "CN=x", "success", false)),
                event("cert_authority_installed", Map.of("subject", "CN=y", "success", 0)),
                event("crypto_self_test_completed", Map.of("success", true)),
                event("crypto_self_test_completed", 1),
                event("key_generated", Map.of("success", false, "alias", "PinStorage_crossReboot_key", "uid", 1001)),
                event("app_process_start", Map.of("process", "com.android.chrome", "uid", 10100, "pid", 1)))).isEmpty();
    }

    @Test
    void flagsASelfTestWhosePlainValueIsNotOne() {
        assertThat(run(event("crypto_self_test_completed", 0))).extracting(Alert::heuristic)
                .containsExactly("android.security-event.crypto-self-test-failed");
    }

    private static Record event(String tag, Object details) {
        Fields f = Fields.builder().put("event_id", 210001).put("event_time", 1_735_732_800_123_456_789L).put("event_type", tag)
                .put(tag, details).put("timestamp", "2025-01-01 12:00:00.123456").build();
        return Records.of(new SecurityEvent(), f, new Provenance("security.txt", null, "e".repeat(64), "line 3"));
    }

    private static List<Alert> run(Record... records) {
        List<Alert> out = new ArrayList<>();
        for (Record r : records) {
            for (Heuristic h : RULES) {
                Heuristic.Session s = h.start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
                s.inspect(r, out::add);
                s.finish(out::add);
            }
        }
        return out;
    }
}
