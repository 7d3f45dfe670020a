package org.cotejo.forensics.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MvtTimeTest {
    @Test
    void writesMvtsTextWithMicroseconds() {
        assertThat(MvtTime.format(Instant.parse("2021-07-18T09:02:11.123456789Z"))).isEqualTo("2021-07-18 09:02:11.123456");
        assertThat(MvtTime.format(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01-01 00:00:00.000000");
        assertThat(MvtTime.format(Instant.parse("1601-01-01T00:00:00Z"))).isEqualTo("1601-01-01 00:00:00.000000");
        assertThat(MvtTime.format(null)).isEmpty();
    }

    @Test
    void readsBackWhatItWritesForAnyTime() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextInt(Integer.MAX_VALUE) * 2L, r.nextInt(1_000_000) * 1000L);
            assertThat(MvtTime.parse(MvtTime.format(t))).isEqualTo(t);
            // the hand-written text is the formatter's
            assertThat(MvtTime.format(t)).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                    .withZone(java.time.ZoneOffset.UTC).format(t));
        }
    }

    @Test
    void readsOlderVariantsAndRefusesNonsense() {
        assertThat(MvtTime.parse("2021-07-18 09:02:11")).isEqualTo(Instant.parse("2021-07-18T09:02:11Z"));
        assertThat(MvtTime.parse("2021-07-18T09:02:11.5+02:00")).isEqualTo(Instant.parse("2021-07-18T07:02:11.5Z"));
        assertThat(MvtTime.parse("2021-02-30 09:02:11.000000")).isNull();
        assertThat(MvtTime.parse("2021-13-01 09:02:11.000000")).isNull();
        assertThat(MvtTime.parse("not a time")).isNull();
        assertThat(MvtTime.parse("")).isNull();
    }
}
