package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A plain lower-case name is its own normal form: every step of the long way would leave it as it is. */
class DomainNamesPlainTest {

    @Test
    void aPlainNameIsReturnedAsItIsAndEveryStepAgrees() {
        SplittableRandom r = new SplittableRandom(21);
        String alphabet = "abz09-_.Ax:/@ é";
        int plain = 0;
        for (int k = 0; k < 200_000; k++) {
            int n = 1 + r.nextInt(20);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = b.toString();
            if (!DomainNames.isPlainValidName(s)) continue;
            plain++;
            assertThat(DomainNames.normaliseHost(s)).isSameAs(s);
            // what the long way checks, one by one
            assertThat(s).doesNotContain(" ", ":", "/", "@").doesNotEndWith(".").isEqualTo(s.toLowerCase(Locale.ROOT));
            assertThat(IpAddresses.isIpv4(s)).as(s).isFalse();
            assertThat(Chars.isAscii(s)).isTrue();
            DomainNames.validateInDetail(s);
        }
        assertThat(plain).isGreaterThan(1_000);
        assertThat(DomainNames.normaliseHost("Www.Example.COM.")).isEqualTo("www.example.com");
        assertThat(DomainNames.normalise("www.example.com")).isEqualTo("example.com");
        assertThat(DomainNames.normalise("www.co.uk")).isEqualTo("www.co.uk");
    }
}
