package org.cotejo.forensics.network.pcap.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TcpStreamTest {
    static byte[] text(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    static String held(TcpStream s) { return new String(s.bytes(), 0, s.length(), StandardCharsets.US_ASCII); }

    @Test
    void reassemblesOutOfOrderAndOverlappingSegmentsKeepingTheFirstCopy() {
        TcpStream s = new TcpStream(1024, new MemoryBudget(1 << 20));
        s.syn(99);
        assertThat(s.add(108, text("world"), 0, 5, 3, 0)).isFalse();     // ahead of a gap: waits
        assertThat(s.add(100, text("hello"), 0, 5, 2, 0)).isTrue();
        assertThat(s.add(103, text("LOxx "), 0, 5, 4, 0)).isTrue();       // overlaps "lo"; its new bytes fill the gap
        assertThat(held(s)).isEqualTo("helloxx world");
        assertThat(s.packetAt(0)).isEqualTo(2);
        assertThat(s.packetAt(6)).isEqualTo(4);
        assertThat(s.add(100, text("HELLO"), 0, 5, 5, 0)).isFalse();      // retransmission
        assertThat(s.overlaps()).isEqualTo(2);
    }

    @Test
    void sequenceNumbersWrapAround() {
        TcpStream s = new TcpStream(1024, new MemoryBudget(1 << 20));
        s.syn(0xFFFFFFFDL);
        s.add(0xFFFFFFFEL, text("ab"), 0, 2, 1, 0);
        s.add(0L, text("cd"), 0, 2, 2, 0);
        assertThat(held(s)).isEqualTo("abcd");
    }

    @Test
    void keepsOnlyTheCapAndStopsWhenTheWaitListOrTheBudgetIsExhausted() {
        TcpStream capped = new TcpStream(8, new MemoryBudget(1 << 20));
        capped.add(0, text("0123456789"), 0, 10, 1, 0);
        assertThat(held(capped)).isEqualTo("01234567");
        assertThat(capped.full()).isTrue();

        TcpStream gaps = new TcpStream(4096, new MemoryBudget(1 << 20));
        gaps.add(0, text("a"), 0, 1, 1, 0);
        for (int i = 0; i <= TcpStream.MAX_WAITING; i++) gaps.add(10 + i * 10, text("x"), 0, 1, 2, 0);
        assertThat(gaps.stopped()).isTrue();
        assertThat(gaps.stopReason()).startsWith("gap not filled");

        MemoryBudget budget = new MemoryBudget(3000);
        TcpStream a = new TcpStream(4096, budget), b = new TcpStream(4096, budget);
        a.add(0, new byte[2000], 0, 2000, 1, 0);
        b.add(0, new byte[2000], 0, 2000, 1, 0);
        assertThat(b.stopped()).isTrue();
        assertThat(budget.refusals()).isEqualTo(1);
        a.stop("done");
        assertThat(budget.used()).isZero();
        assertThat(Arrays.asList(a.stopReason(), b.stopReason())).containsExactly("done", "memory budget for reassembly reached");
    }
}
