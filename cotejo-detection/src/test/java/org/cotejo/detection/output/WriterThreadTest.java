package org.cotejo.detection.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class WriterThreadTest {
    private static Record record(long n) {
        return new Record("sms", Fields.builder().put("n", n).build(), new Provenance("f", "f", "ab", "row " + n), List.of(), List.of());
    }

    private static boolean writerRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("cotejo-output-writer") && t.isAlive());
    }

    @Test
    void writesEveryRecordInTheOrderHandedOver() throws Exception {
        List<Long> seen = new ArrayList<>();
        WriterThread w = new WriterThread(r -> seen.add(r.fields().longValue("n")));
        for (long i = 0; i < 10_000; i++) w.add(record(i));
        w.finish();
        assertThat(seen).hasSize(10_000).isSorted();
        assertThat(writerRunning()).isFalse();
    }

    @Test
    void aFailureOnTheWritingThreadReachesTheReaderAndFinish() throws Exception {
        WriterThread w = new WriterThread(r -> {
            if (r.fields().longValue("n") == 300) throw new IOException("disk full");
        });
        assertThatThrownBy(() -> {
            for (long i = 0; i < 100_000; i++) w.add(record(i));
        }).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(w::finish).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(writerRunning()).isFalse();
    }

    @Test
    void stoppingLeavesNoThreadRunning() throws Exception {
        WriterThread w = new WriterThread(r -> java.util.concurrent.locks.LockSupport.parkNanos(1_000_000));
        for (long i = 0; i < 2_000; i++) w.add(record(i));
        w.stop();
        assertThat(writerRunning()).isFalse();
    }
}
