package org.cotejo.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
    @Test
    void givesInstantToStringsTextForEveryKindOfInstant() {
        long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        Instant[] edges = {Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1, 999_999_999), Instant.ofEpochSecond(end, 999_999_999),
            Instant.ofEpochSecond(end + 1), Instant.parse("2000-02-29T12:00:00.5Z"), Instant.parse("2100-03-01T00:00:00.000001Z"),
            Instant.parse("1999-12-31T23:59:59.999Z"), Instant.MIN, Instant.MAX, Instant.parse("-0001-06-01T00:00:00Z")};
        for (Instant t : edges) assertThat(IsoInstants.text(t)).as(t.toString()).isEqualTo(t.toString());
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 200_000; i++) {
            long seconds = r.nextLong(-100_000_000_000L, end + 100_000_000L);
            int nano = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> r.nextInt(1_000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoInstants.text(t)).as(t.toString()).isEqualTo(t.toString());
        }
    }
}
