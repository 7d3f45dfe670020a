package org.cotejo.forensics.android.intrusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkEventsTest {
    static final long NOON = 1_735_732_800_000L; // 2025-01-01T12:00:00Z in ms

    @TempDir Path root;

    @Test
    void readsDnsLookUpsWithTheDomainItsAddressesAndTheAppAsObservables() throws Exception {
        new IntrusionLogWriter().add("export/2025-01-01.txt",
                IntrusionLogWriter.dns(NOON, "c2.example.net", "com.evil.app", "/198.51.100.7", "/0.0.0.0", "/2001:db8::7")).folder(root);

        ModuleHarness.Result result = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent");

        assertThat(result.problems()).isEmpty();
        Record r = result.of("dns_event").get(0);
        assertThat(r.fields().keys()).containsExactly("event_time", "hostname", "package_name", "ip_addresses", "timestamp");
        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.000000");
        assertThat(r.provenance().file()).isEqualTo("export/2025-01-01.txt");
        assertThat(r.provenance().locator()).isEqualTo("line 1");
        assertThat(r.observables()).extracting(o -> o.observable().type(), o -> o.observable().value(), o -> o.field(), o -> o.trace())
                .containsExactly(
                        tuple(ObservableType.DOMAIN, "c2.example.net", "hostname", TraceClass.NETWORK),
                        tuple(ObservableType.IPV4, "198.51.100.7", "ip_addresses[0]", TraceClass.NETWORK),
                        tuple(ObservableType.IPV6, "2001:db8::7", "ip_addresses[1]", TraceClass.NETWORK),
                        tuple(ObservableType.APP_ID, "com.evil.app", "package_name", TraceClass.EXECUTION));
        assertThat(r.timeline()).singleElement().satisfies(t -> {
            assertThat(t.time()).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
            assertThat(t.deviceLocal()).isFalse();
            assertThat(t.event()).isEqualTo("dns_query");
            assertThat(t.description()).isEqualTo("DNS query for c2.example.net by com.evil.app [IPs: 198.51.100.7, 2001:db8::7]");
        });
    }

    @Test
    void readsConnectionsWithTheAddressAfterTheLastSlashAndLeavesLoopbackOut() throws Exception {
        new IntrusionLogWriter().add("connect.txt",
                IntrusionLogWriter.connect(NOON, "/198.51.100.9", 443, "com.evil.app"),
                IntrusionLogWriter.connect(NOON + 1, "ip6-localhost/::1", 5037, "com.android.shell")).folder(root);

        List<Record> records = ModuleHarness.run(IntrusionLogs.open(root), "ConnectEvent").of("connect_event");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).observables()).extracting(o -> o.observable().type(), o -> o.observable().value()).containsExactly(
                tuple(ObservableType.IPV4, "198.51.100.9"), tuple(ObservableType.APP_ID, "com.evil.app"));
        assertThat(records.get(1).observables()).extracting(o -> o.observable().type()).containsExactly(ObservableType.APP_ID);
        assertThat(records.get(0).timeline().get(0).description()).isEqualTo("Connection to 198.51.100.9:443 by com.evil.app");
        assertThat(records.get(1).timeline().get(0).description()).isEqualTo("Connection to [::1]:5037 by com.android.shell");
        assertThat(records.get(1).timeline().get(0).time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.001Z"));
    }

    @Test
    void addsTheDevicesLocalTimeWhenTheZoneIsKnownAndKeepsUtcAsTheTime() throws Exception {
        new IntrusionLogWriter().add("dns.txt", IntrusionLogWriter.dns(NOON, "example.org", "com.app")).folder(root);

        Record r = ModuleHarness.run(IntrusionLogs.open(root, ZoneId.of("Europe/Madrid")), "DnsEvent").of("dns_event").get(0);

        assertThat(r.fields().string("timestamp")).isEqualTo("2025-01-01 12:00:00.000000");
        assertThat(r.fields().string("timestamp_local")).isEqualTo("2025-01-01 13:00:00.000000");
        assertThat(r.fields().string("timezone")).isEqualTo("Europe/Madrid");
        assertThat(r.timeline().get(0).time()).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(r.timeline().get(0).deviceLocal()).isFalse();
    }

    @Test
    void keepsAnEventWithoutATimeButPutsNothingOnTheTimeline() throws Exception {
        new IntrusionLogWriter().add("dns.txt", "{\"dns_event\":{\"hostname\":\"example.org\",\"package_name\":\"com.app\"}}").folder(root);

        Record r = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent").of("dns_event").get(0);

        assertThat(r.fields().get("timestamp")).isNull();
        assertThat(r.timeline()).isEmpty();
    }

    @Test
    void dropsAnEventRepeatedInAnotherFileEvenWithItsKeysInAnotherOrder() throws Exception {
        String reordered = "{\"dns_event\":{\"ip_addresses\":[\"/198.51.100.7\"],\"package_name\":\"com.app\",\"hostname\":\"example.org\","
                + "\"event_time\":" + NOON + "}}";
        new IntrusionLogWriter()
                .add("a/first.txt", IntrusionLogWriter.dns(NOON, "example.org", "com.app", "/198.51.100.7"),
                        IntrusionLogWriter.dns(NOON + 5, "example.org", "com.app", "/198.51.100.7"))
                .add("b/second.txt", reordered, IntrusionLogWriter.dns(NOON + 5, "example.org", "com.app", "/198.51.100.7"),
                        IntrusionLogWriter.dns(NOON + 9, "example.org", "com.app", "/198.51.100.7"))
                .folder(root);

        List<Fields> events = ModuleHarness.run(IntrusionLogs.open(root), "DnsEvent").of("dns_event").stream().map(Record::fields).toList();

        assertThat(events).extracting(f -> f.get("event_time")).containsExactly(NOON, NOON + 5, NOON + 9);
    }
}
