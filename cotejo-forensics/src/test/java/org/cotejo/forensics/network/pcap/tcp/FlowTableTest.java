package org.cotejo.forensics.network.pcap.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.network.pcap.Decoded;
import org.cotejo.forensics.network.pcap.IpPacket;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    static Decoded udp(int srcLast, int sport, int dstLast, int dport) {
        Decoded d = new Decoded();
        d.data = new byte[] {10, 0, 0, (byte) srcLast, 10, 0, 0, (byte) dstLast};
        d.ipVersion = 4;
        d.sourceOffset = 0;
        d.destOffset = 4;
        d.protocol = IpPacket.UDP;
        d.sourcePort = sport;
        d.destPort = dport;
        return d;
    }

    @Test
    void bothDirectionsFindOneFlowAndTheTableStaysWithinItsLimits() {
        List<String> ended = new ArrayList<>();
        FlowTable t = new FlowTable(3, 60_000_000_000L, 1024, new MemoryBudget(1 << 20),
                (f, why) -> ended.add(f.serverIp + ":" + f.serverPort + " " + why));
        Flow a = t.find(udp(1, 40000, 2, 53), 1, 0, 1_000_000_000L, true);
        assertThat(t.find(udp(2, 53, 1, 40000), 2, 0, 1_000_000_000L, true)).isSameAs(a);
        assertThat(t.probe().swapped() != a.firstIsClient).isFalse(); // the answer goes to the client
        assertThat(a.clientIp).isEqualTo("10.0.0.1");
        for (int i = 0; i < 3; i++) t.find(udp(1, 40001 + i, 3, 443), 3 + i, 0, 2_000_000_000L, true);
        assertThat(t.size()).isEqualTo(3);
        assertThat(ended).containsExactly("10.0.0.2:53 table full");
        t.find(udp(1, 50000, 4, 443), 9, 0, 200_000_000_000L, true);     // two minutes later: the rest were idle
        assertThat(ended).hasSize(4).endsWith("10.0.0.3:443 idle");
        t.endAll();
        assertThat(ended).last().isEqualTo("10.0.0.4:443 capture end");
        assertThat(t.evictedWhenFull()).isEqualTo(1);
    }

    @Test
    void flowsStayFindableWhileOthersAroundThemAreClosed() {
        List<String> ended = new ArrayList<>();
        FlowTable t = new FlowTable(1000, 60_000_000_000L, 1024, new MemoryBudget(1 << 20), (f, why) -> ended.add(why));
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 800; i++) flows.add(t.find(udp(1 + i % 200, 40000 + i, 2, 53), i + 1, 0, 1_000_000_000L, true));
        java.util.Random r = new java.util.Random(8);
        java.util.Set<Integer> closed = new java.util.HashSet<>();
        for (int k = 0; k < 500; k++) {
            int i = r.nextInt(800);
            if (closed.add(i)) t.close(flows.get(i), FlowTable.FIN);
        }
        for (int i = 0; i < 800; i++) {
            Flow found = t.find(udp(2, 53, 1 + i % 200, 40000 + i), 900, 0, 1_000_000_000L, false);
            if (closed.contains(i)) assertThat(found).isNull();
            else assertThat(found).isSameAs(flows.get(i));
        }
        assertThat(t.size()).isEqualTo(800 - closed.size());
        assertThat(ended).hasSize(closed.size()).containsOnly("fin");
    }
}
