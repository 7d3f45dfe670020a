package org.cotejo.indicators.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index reads plain dotted quads without the general address parser: both give the same 32 bits. */
class IpTableTest {
    @Test
    void readsPlainQuadsAndRefusesEverythingElse() {
        assertThat(org.cotejo.core.observable.IpAddresses.plainIpv4Bits("192.0.2.1")).isEqualTo(0xC0000201L);
        assertThat(org.cotejo.core.observable.IpAddresses.plainIpv4Bits("0.0.0.0")).isZero();
        assertThat(org.cotejo.core.observable.IpAddresses.plainIpv4Bits("255.255.255.255")).isEqualTo(0xFFFFFFFFL);
        for (String s : new String[] {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..3.4", "1.2.3.4/32", "::1", "a.b.c.d",
                "1.2.3.", ".1.2.3", "1000.2.3.4", "", "1.2.3.4 "}) {
            assertThat(org.cotejo.core.observable.IpAddresses.plainIpv4Bits(s)).as(s).isEqualTo(-1);
        }
    }

    @Test
    void agreesWithTheParserOnRandomText() {
        SplittableRandom r = new SplittableRandom(7);
        String alphabet = "0123456789.....1";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 7 + r.nextInt(9);
            for (int k = 0; k < n; k++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = i % 2 == 0 ? b.toString() : r.nextInt(300) + "." + r.nextInt(300) + "." + r.nextInt(300) + "." + r.nextInt(300);
            long fast = org.cotejo.core.observable.IpAddresses.plainIpv4Bits(s);
            if (fast < 0) continue;
            accepted++;
            var a = IpTable.parse(s);
            assertThat(a).as(s).isNotNull();
            assertThat(a.isIPv4()).as(s).isTrue();
            assertThat(a.getLower().toIPv4().intValue() & 0xFFFFFFFFL).as(s).isEqualTo(fast);
        }
        assertThat(accepted).isGreaterThan(10_000);
    }
}
