package org.cotejo.forensics.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The remembering writer gives MvtTime.format's text for rows of the same second, of the next, and far apart. */
class MvtTimeWriterTest {
    @Test
    void writesWhatFormatWritesWhateverTheOrderOfTimes() {
        SplittableRandom r = new SplittableRandom(7);
        MvtTime.Writer writer = new MvtTime.Writer();
        long micros = 1_735_689_599_000_000L;
        for (int i = 0; i < 200_000; i++) {
            int step = r.nextInt(20);
            if (step == 0) micros = r.nextLong(-86_400_000_000L, 253_402_400_000_000_000L); // anywhere, years before 1970 and after 9999 too
            else micros += r.nextInt(step * 100_000);
            Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L + r.nextInt(1000));
            assertThat(writer.format(t)).as("%s", t).isEqualTo(MvtTime.format(t));
            assertThat(writer.written(t)).as("%s", t).isEqualTo(MvtTime.parse(MvtTime.format(t)));
        }
        assertThat(writer.format(null)).isEqualTo(MvtTime.format(null));
        assertThat(writer.format(Instant.parse("2024-12-31T23:59:59.999999Z"))).isEqualTo("2024-12-31 23:59:59.999999");
        assertThat(writer.format(Instant.parse("2025-01-01T00:00:00.000001Z"))).isEqualTo("2025-01-01 00:00:00.000001");
    }
}
