package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeekCompressedTest {
    @TempDir Path root;

    private ModuleHarness.Result run(String... modules) throws Exception {
        try (Extraction x = ZeekLogs.open(root)) {
            return ModuleHarness.run(x, modules);
        }
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void readsGzippedAndRotatedGzippedLogsInPathOrder() throws Exception {
        Files.write(root.resolve("dns.log.gz"), gzip(ZeekWriter.tsv("dns").columns("ts:time", "query:string")
                .row("1735732800.0", "plain.example").close().text()));
        Files.createDirectories(root.resolve("2025-01-01"));
        Files.write(root.resolve("2025-01-01/dns.00:00:00-01:00:00.log.gz"), gzip(ZeekWriter.json()
                .object("ts", 1735689600.5, "query", "rotated.example").text()));

        ModuleHarness.Result result = run("ZeekDns");

        assertThat(result.problems()).isEmpty();
        assertThat(result.of("zeek_dns")).extracting(r -> r.fields().string("query"), r -> r.provenance().file())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rotated.example", "2025-01-01/dns.00:00:00-01:00:00.log.gz"),
                        org.assertj.core.groups.Tuple.tuple("plain.example", "dns.log.gz"));
    }

    @Test
    void aCutGzipFileKeepsTheRowsBeforeTheCutAndSaysSo() throws Exception {
        ZeekWriter w = ZeekWriter.tsv("dns").columns("ts:time", "query:string");
        for (int i = 0; i < 2000; i++) w.row("1735732800." + i, "host" + i + ".example");
        byte[] whole = gzip(w.text());
        Files.write(root.resolve("dns.log.gz"), Arrays.copyOf(whole, whole.length / 2));

        ModuleHarness.Result result = run("ZeekDns");

        List<Record> records = result.of("zeek_dns");
        assertThat(records).isNotEmpty().hasSizeLessThan(2000);
        assertThat(records.get(0).fields().string("query")).isEqualTo("host0.example");
        assertThat(result.problems()).extracting(ModuleProblem::describe).singleElement().asString()
                .contains("dns.log.gz").contains("not read to its end").contains("gzip");
    }

    @Test
    void aHeaderWithoutARequiredColumnIsReportedOnceAndUnknownColumnsAreKept() throws Exception {
        ZeekWriter.tsv("dns").columns("ts:time", "uid:string", "my_extra:string")
                .row("1735732800.0", "C1", "x").row("1735732801.0", "C2", "y").row("1735732802.0", "C3", "z")
                .write(root.resolve("dns.log"));

        ModuleHarness.Result result = run("ZeekDns");

        assertThat(result.of("zeek_dns")).hasSize(3);
        assertThat(result.of("zeek_dns").get(0).fields().string("my_extra")).isEqualTo("x");
        assertThat(result.problems()).extracting(ModuleProblem::describe).singleElement().asString()
                .contains("has no query column");
    }

    @Test
    void aLineOverTheCapIsSkippedWithACountAndTheNextOneRead() throws Exception {
        String huge = "h".repeat(LogLines.MAX_LINE + 10);
        ZeekWriter.tsv("dns").columns("ts:time", "query:string")
                .row("1735732800.0", huge).row("1735732801.0", "after.example").write(root.resolve("dns.log"));

        ModuleHarness.Result result = run("ZeekDns");

        assertThat(result.of("zeek_dns")).extracting(r -> r.fields().string("query")).containsExactly("after.example");
        assertThat(result.problems()).extracting(ModuleProblem::describe).singleElement().asString().contains("line 9 is over");
    }
}
