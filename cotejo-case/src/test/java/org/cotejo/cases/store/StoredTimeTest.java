package org.cotejo.cases.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StoredTimeTest {
    @Test
    void writesNineFractionDigitsSoTextOrderIsTimeOrder() {
        assertThat(StoredTime.format(Instant.parse("2026-11-27T19:30:58Z"))).isEqualTo("2026-11-27T19:30:58.000000000Z");
        assertThat(StoredTime.format(Instant.parse("2001-01-01T00:00:00.5Z"))).isEqualTo("2001-01-01T00:00:00.500000000Z");
        assertThat(StoredTime.format(Instant.parse("1969-12-31T23:59:59.999999999Z"))).isEqualTo("1969-12-31T23:59:59.999999999Z");
        assertThat(StoredTime.format(null)).isNull();
    }

    @Test
    void readsBackEveryInstantItWroteIncludingYearsBeyond9999() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000));
            assertThat(StoredTime.parse(StoredTime.format(t))).isEqualTo(t);
        }
        Instant far = Instant.parse("+50000-01-01T00:00:00Z");
        assertThat(StoredTime.format(far)).isEqualTo("+50000-01-01T00:00:00.000000000Z");
        assertThat(StoredTime.parse(StoredTime.format(far))).isEqualTo(far);
    }
}
