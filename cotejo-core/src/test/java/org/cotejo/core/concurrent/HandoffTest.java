package org.cotejo.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffTest {
    private static final String NAME = "cotejo-handoff-test";

    private static boolean writerRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(NAME) && t.isAlive());
    }

    @Test
    void consumesEveryItemInTheOrderHandedOver() throws Exception {
        List<Long> seen = new ArrayList<>();
        Handoff<Long> w = new Handoff<>(NAME, seen::add);
        for (long i = 0; i < 10_000; i++) w.add(i);
        w.finish();
        assertThat(seen).hasSize(10_000).isSorted();
        assertThat(writerRunning()).isFalse();
    }

    @Test
    void aFailureOnTheConsumingThreadReachesTheProducerAndFinish() throws Exception {
        Handoff<Long> w = new Handoff<>(NAME, n -> {
            if (n == 300) throw new IOException("disk full");
        });
        assertThatThrownBy(() -> {
            for (long i = 0; i < 100_000; i++) w.add(i);
        }).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(w::finish).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(writerRunning()).isFalse();
    }

    @Test
    void stoppingLeavesNoThreadRunning() throws Exception {
        Handoff<Long> w = new Handoff<>(NAME, n -> java.util.concurrent.locks.LockSupport.parkNanos(1_000_000));
        for (long i = 0; i < 2_000; i++) w.add(i);
        w.stop();
        assertThat(writerRunning()).isFalse();
    }
}
