package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large dns.log is streamed: the reader stays one buffer ahead of the row it hands over, whatever the log's size. */
class ZeekStreamingTest {
    static final int ROWS = 200_000;

    @TempDir Path root;

    @Test
    void theReaderIsNeverMoreThanOneBufferAheadOfTheRowItHandsOver() throws IOException {
        ZeekWriter.GeneratedDnsLog log = new ZeekWriter.GeneratedDnsLog(ROWS);
        long header = ZeekWriter.dnsHeader().getBytes(StandardCharsets.UTF_8).length;
        long rowLength = ZeekWriter.dnsRow(0).getBytes(StandardCharsets.UTF_8).length;
        assertThat(ZeekWriter.dnsRow(ROWS - 1)).hasSize((int) rowLength); // fixed width, so a row's end is known
        AtomicLong rows = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        SourceFile file = SourceFile.of(new FileEntry("dns.log", -1, null, FileEntry.Type.FILE));

        ZeekReader.readStream(file, log, new LineProblems(null, file), (f, line, row) -> {
            long n = rows.getAndIncrement();
            assertThat(row.get("uid")).isEqualTo(String.format("C%07d", n));
            long endOfRow = header + (n + 1) * rowLength;
            maxAhead.accumulateAndGet(log.consumed - endOfRow, Math::max);
        });

        assertThat(rows.get()).isEqualTo(ROWS);
        assertThat(log.consumed).isEqualTo(header + ROWS * rowLength);
        assertThat(log.consumed).isGreaterThan(100L * ZeekReader.BUFFER);
        assertThat(maxAhead.get()).isBetween(0L, (long) ZeekReader.BUFFER);
    }

    @Test
    void aLargeLogFileRunsThroughTheModuleWithoutTheModuleHoldingItsRecords() throws IOException {
        Path file = ZeekWriter.dnsRows(root.resolve("dns.log"), ROWS);
        assertThat(Files.size(file)).isGreaterThan(20L << 20);
        AtomicLong count = new AtomicLong();
        AtomicReference<Record> last = new AtomicReference<>();
        List<ModuleProblem> problems = new java.util.ArrayList<>();

        try (Extraction x = ZeekLogs.open(root)) {
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, Modules.installed().select(x.kind(), List.of("ZeekDns")), new RunListener() {
                @Override public void record(Record r) {
                    count.incrementAndGet();
                    last.set(r);
                }
                @Override public void problem(ModuleProblem p) { problems.add(p); }
            });
        }

        assertThat(problems).isEmpty();
        assertThat(count.get()).isEqualTo(ROWS);
        assertThat(last.get().provenance().locator()).isEqualTo("line " + (ROWS + 8));
        assertThat(last.get().fields().string("query")).isEqualTo("host0199999.example.com");
        assertThat(last.get().timeline().get(0).time()).isEqualTo(Instant.parse("2025-01-01T12:03:19.000999Z"));
    }
}
