package org.cotejo.detection.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.mvt.MvtResults;
import org.cotejo.forensics.mvt.MvtResultsReader;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleResultsWriterTest {
    @TempDir
    Path dir;

    private static Record record(String module, int i) {
        Fields f = Fields.builder().put("ts", 1_735_689_600.25 + i).put("uid", "C" + i).put("query", "api" + i + ".example.com")
                .put("answers", List.of("192.0.2." + i, "tab\there")).put("AA", false).put("rtt", null).build();
        return new Record(module, f, new Provenance("dns.log", "dns.log", "ab".repeat(32), "line " + (i + 9)), List.of(), List.of());
    }

    @Test
    void writesNetworkModuleRecordsCompactlyOneALineAndTheyReadBackAsWritten() throws Exception {
        try (ModuleResultsWriter w = new ModuleResultsWriter(dir)) {
            for (int i = 0; i < 3; i++) w.record(record("zeek_dns", i));
        }
        List<String> lines = Files.readAllLines(dir.resolve("zeek_dns.json"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.get(1)).startsWith("{\"ts\":1.73568960025E9,\"uid\":\"C0\",").endsWith("},");
        assertThat(lines.get(4)).isEqualTo("]");
        List<?> parsed = new ObjectMapper().readValue(dir.resolve("zeek_dns.json").toFile(), List.class);
        assertThat(parsed).hasSize(3);
        assertThat(Fields.of((Map<String, ?>) parsed.get(2))).isEqualTo(record("zeek_dns", 2).fields());

        // read back as a results folder is read by `check mvt-results` and `correlate`
        Files.writeString(dir.resolve("info.json"), "{\"target_path\": \"x\"}");
        List<Record> back = new ArrayList<>();
        try (Extraction x = MvtResults.open(dir)) {
            MvtResultsReader.read(x, Modules.installed(), new RunListener() {
                @Override public void record(Record r) { back.add(r); }
            });
        }
        assertThat(back).extracting(Record::fields).containsExactly(record("zeek_dns", 0).fields(), record("zeek_dns", 1).fields(),
                record("zeek_dns", 2).fields());
    }

    @Test
    void keepsMvtsIndentedLayoutForModulesOfPhoneEvidence() throws Exception {
        try (ModuleResultsWriter w = new ModuleResultsWriter(dir)) {
            w.record(record("sms", 0));
        }
        assertThat(Files.readString(dir.resolve("sms.json"))).startsWith("[\n    {\n        \"ts\" : 1.73568960025E9,");
    }
}
