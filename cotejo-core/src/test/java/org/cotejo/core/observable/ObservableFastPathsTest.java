package org.cotejo.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-pass fast paths for dotted quads and plain domain names accept exactly what the detailed checks
 * accept: edge cases by hand, then many random strings over the characters that matter.
 */
class ObservableFastPathsTest {

    private static final List<String> EDGES = List.of(
            "0.0.0.0", "255.255.255.255", "1.2.3.4", "198.51.100.1", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04",
            "1.2.3.0", "1.2.3", "1.2.3.4.5", "1..3.4", ".1.2.3", "1.2.3.", "1.2.3.4:80", "1234.1.1.1", "3232235521", "",
            "1.2.3.a", "a.b.c.d", "1.2.3.4 ", "１.2.3.4", "999.999.999.999", "0.0.0.00");

    private static final List<String> NAMES = List.of(
            "example.com", "a.b", "a", "-a.com", "a-.com", "a--b.com", "_dmarc.example.com", "xn--exmple-cua.org", "xn--abc.com",
            "example.123", "123.example", "1.2.3.4", "a..b", ".a", "a.", "a_b.c-d.e0", "x".repeat(63) + ".com",
            "x".repeat(64) + ".com", "ab.c0m", "ab.0", "é.com", "A.com", "a b.com", "1-2.3-4", "0x7f.1");

    @Test
    void dottedQuadFastPathAcceptsExactlyWhatTheDetailedCheckAccepts() {
        for (String s : candidates(EDGES, "0123456789.:a", 16)) {
            assertThat(IpAddresses.isPlainDottedQuad(s)).as("'%s'", s).isEqualTo(IpAddresses.ipv4ProblemInDetail(s) == null);
        }
    }

    @Test
    void plainNameFastPathAcceptsOnlyWhatTheDetailedCheckAccepts() {
        for (String s : candidates(NAMES, "abx0129-_.n", 14)) {
            if (DomainNames.isPlainValidName(s)) {
                assertThatCode(() -> DomainNames.validateInDetail(s)).as("'%s'", s).doesNotThrowAnyException();
            }
        }
        assertThat(DomainNames.isPlainValidName("example.com")).isTrue();
        assertThat(DomainNames.isPlainValidName("_dmarc.example-1.co.uk")).isTrue();
        // left to the detailed check, which still decides
        assertThat(DomainNames.isPlainValidName("xn--exmple-cua.org")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> DomainNames.validateInDetail("xn--abc.com"));
    }

    @Test
    void plainNameFastPathRejectsWhatTheDetailedCheckRejects() {
        for (String s : candidates(NAMES, "abx0129-_.n", 14)) {
            boolean detailed;
            try {
                DomainNames.validateInDetail(s);
                detailed = true;
            } catch (IllegalArgumentException e) {
                detailed = false;
            }
            // the fast path may decline a valid name (xn-- labels), never accept an invalid one
            if (!detailed) assertThat(DomainNames.isPlainValidName(s)).as("'%s'", s).isFalse();
            else if (!s.contains("xn--")) assertThat(DomainNames.isPlainValidName(s)).as("'%s'", s).isTrue();
        }
    }

    /** The edge cases, then random strings over {@code alphabet} (fixed seed). */
    private static List<String> candidates(List<String> edges, String alphabet, int maxLength) {
        List<String> out = new ArrayList<>(edges);
        SplittableRandom r = new SplittableRandom(8);
        for (int k = 0; k < 200_000; k++) {
            int n = 1 + r.nextInt(maxLength);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            out.add(b.toString());
        }
        return out;
    }
}
