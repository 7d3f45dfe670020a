package org.cotejo.forensics.network.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.junit.jupiter.api.Test;

class SpillCodecTest {
    @Test
    void recordsComeBackAsWrittenEvenPastTheNameDictionary() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("ja3", "769,47-53,0-10,23,0");
        nested.put("alpn", List.of("h2", "http/1.1"));
        List<Fields> records = new ArrayList<>();
        records.add(Fields.builder().put("timestamp", "2026-11-28 01:00:00.000000").put("packet", 7L).put("ratio", 0.5)
                .put("reset", true).put("fin", false).put("server_name", null).put("tls", nested)
                .put("serial", new BigInteger("123456789012345678901234567890")).put("text", "ñandú ✓").build());
        // more distinct names than the dictionary holds: the rest are written in full
        for (int i = 0; i < SpillCodec.MAX_NAMES + 50; i += 100) {
            Fields.Builder b = Fields.builder();
            for (int j = i; j < i + 100; j++) b.put("name" + j, (long) j);
            records.add(b.build());
        }
        records.add(records.get(0));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SpillCodec.Writer writer = new SpillCodec.Writer(bytes)) {
            long packet = 1;
            for (Fields f : records) {
                writer.record(3, packet++, f);
                writer.problem(2, "packet " + packet + ": a problem, ñ");
            }
        }
        try (SpillReader reader = new SpillReader(new ByteArrayInputStream(bytes.toByteArray()))) {
            long packet = 1;
            for (Fields f : records) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.isProblem()).isFalse();
                assertThat(reader.file()).isEqualTo(3);
                assertThat(reader.packet()).isEqualTo(packet++);
                assertThat(reader.fields()).isEqualTo(f);
                assertThat(reader.next()).isTrue();
                assertThat(reader.isProblem()).isTrue();
                assertThat(reader.file()).isEqualTo(2);
                assertThat(reader.problem()).isEqualTo("packet " + packet + ": a problem, ñ");
            }
            assertThat(reader.next()).isFalse();
        }
    }
}
