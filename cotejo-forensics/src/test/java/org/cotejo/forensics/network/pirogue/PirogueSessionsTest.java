package org.cotejo.forensics.network.pirogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PirogueSessionsTest {
    @TempDir Path root;

    private ModuleHarness.Result run(Path dir) throws Exception {
        try (Extraction x = PirogueSessions.open(dir)) {
            assertThat(x.kind()).isEqualTo(EvidenceKind.PIROGUE);
            assertThat(x.nested()).extracting(Extraction::kind).containsExactly(EvidenceKind.SURICATA, EvidenceKind.PCAP);
            assertThat(x.identifiers()).containsEntry("serial_number", "R58M123ABC");
            return ModuleHarness.run(x, new org.cotejo.forensics.module.ModuleOptions(false),
                    Modules.installed().select(EvidenceKind.PIROGUE, java.util.List.of()));
        }
    }

    @Test
    void readsTheCaptureTheEveLogAndTheKeyLogOfASessionAsOneEvidenceItem() throws Exception {
        Path dir = new PirogueSessionBuilder()
                .dnsAnswer(1735732801L, "10.8.0.2", "c2.example.net", "198.51.100.7")
                .tls13Session(1).tls13Session(2)
                .keyLogLine("# written by the capture")
                .keyLogLine("not a key line")
                .eve("{\"timestamp\": \"2025-01-01T12:00:02.000000+0000\", \"event_type\": \"tls\", \"src_ip\": \"10.8.0.2\","
                        + " \"dest_ip\": \"198.51.100.7\", \"dest_port\": 443, \"tls\": {\"sni\": \"c2.example.net\"}}")
                .write(root.resolve("session-2025-01-01"));

        ModuleHarness.Result result = run(dir);

        Record dns = result.of("pcap_dns").get(0);
        assertThat(dns.provenance().file()).isEqualTo("traffic.pcap::traffic.pcap");
        assertThat(dns.observables()).extracting(o -> o.observable().type(), o -> o.observable().value())
                .contains(org.assertj.core.groups.Tuple.tuple(ObservableType.IPV4, "198.51.100.7"));
        assertThat(result.of("suricata_tls")).singleElement()
                .satisfies(r -> assertThat(r.provenance().file()).isEqualTo("eve.json::eve.json"));
        Record keys = result.of("pirogue_session").stream().filter(r -> "tls_key_log".equals(r.fields().string("record"))).findFirst().orElseThrow();
        assertThat(keys.fields().get("keys")).isEqualTo(8L);
        assertThat(keys.fields().get("tls_sessions")).isEqualTo(2L);
        assertThat(keys.fields().object("labels").asMap()).containsEntry("CLIENT_TRAFFIC_SECRET_0", 2L);
        assertThat(keys.fields().toString()).doesNotContain("abab");
        Record experiment = result.of("pirogue_session").stream().filter(r -> "experiment".equals(r.fields().string("record"))).findFirst().orElseThrow();
        assertThat(experiment.fields().string("network_start")).isEqualTo("2025-01-01 12:00:00.000000");
        assertThat(experiment.fields().strings("files")).containsExactly("traffic.pcap", "device.json", "sslkeylog.txt");
        assertThat(result.problems()).extracting(ModuleProblem::message)
                .containsExactly("1 line(s) are not SSLKEYLOGFILE lines (LABEL CLIENT_RANDOM SECRET); not counted");
    }

    @Test
    void recognisesASessionFolderAndRefusesOneWithoutTraffic() throws Exception {
        Path dir = new PirogueSessionBuilder().dnsAnswer(1735732801L, "10.8.0.2", "a.example", "192.0.2.1").write(root.resolve("s"));
        assertThat(PirogueSessions.looksLikeSession(dir)).isTrue();
        Path empty = Files.createDirectories(root.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertThat(PirogueSessions.looksLikeSession(empty)).isFalse();
        assertThatThrownBy(() -> PirogueSessions.open(empty)).isInstanceOf(CotejoException.class).hasMessageContaining("not a PiRogue session");
    }
}
