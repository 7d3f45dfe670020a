package org.cotejo.forensics.network.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.junit.jupiter.api.Test;

class DeviceAddressesTest {

    @Test
    void readsAddressesWithOptionalLabelsInCanonicalForm() {
        DeviceAddresses d = DeviceAddresses.parse(List.of("192.168.1.23=phone-A", "2001:DB8:0:0::23"));
        assertThat(d.labels()).containsEntry("192.168.1.23", "phone-A").containsEntry("2001:db8::23", "2001:db8::23");
        assertThat(d.label("2001:db8:0::23")).isEqualTo("2001:db8::23");
        assertThatThrownBy(() -> DeviceAddresses.parse(List.of("phone"))).isInstanceOf(CotejoException.class)
                .hasMessage("--device-ip: 'phone' is not an IPv4 or IPv6 address");
    }

    @Test
    void labelsLogRecordsByTheirUsualAddressFieldsAndLeavesOthersAlone() {
        DeviceAddresses d = DeviceAddresses.parse(List.of("10.0.0.5=phone-B"));
        List<Record> out = new ArrayList<>();
        RunListener l = d.attributing(out::add);
        Provenance p = new Provenance("conn.log", "conn.log", "0".repeat(64), "line 3");
        Instant t = Instant.parse("2025-03-01T10:00:00Z");
        l.record(new Record("zeek_conn", Fields.builder().put("id.orig_h", "10.0.0.5").put("id.resp_h", "198.51.100.1").build(), p, List.of(),
                List.of(new TimelineEvent(t, "zeek_conn", "conn", "Connection to 198.51.100.1"))));
        l.record(new Record("zeek_conn", Fields.builder().put("id.orig_h", "10.0.0.6").build(), p, List.of(), List.of()));
        assertThat(out.get(0).fields().string("device")).isEqualTo("phone-B");
        assertThat(out.get(0).timeline().get(0).description()).isEqualTo("Connection to 198.51.100.1 [device: phone-B]");
        assertThat(out.get(1).fields().has("device")).isFalse();
    }
}
