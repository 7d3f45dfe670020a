package org.cotejo.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EpochTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // 2022-01-01T00:00:00Z is Unix 1640995200; Mac absolute = 1640995200 - 978307200 = 662688000.
        "UNIX_SECONDS         | 1640995200                | 2022-01-01T00:00:00Z",
        "UNIX_MILLIS          | 1640995200123             | 2022-01-01T00:00:00.123Z",
        "UNIX_MICROS          | 1640995200123456          | 2022-01-01T00:00:00.123456Z",
        "UNIX_NANOS           | 1640995200123456789       | 2022-01-01T00:00:00.123456789Z",
        "MAC_ABSOLUTE_SECONDS | 0                         | 2001-01-01T00:00:00Z",
        "MAC_ABSOLUTE_SECONDS | 662688000                 | 2022-01-01T00:00:00Z",
        "MAC_ABSOLUTE_SECONDS | -978307200                | 1970-01-01T00:00:00Z",
        "MAC_ABSOLUTE_NANOS   | 662688000000000001        | 2022-01-01T00:00:00.000000001Z",
        "WEBKIT_MICROS        | 11644473600000000         | 1970-01-01T00:00:00Z",
        "WEBKIT_MICROS        | 0                         | 1601-01-01T00:00:00Z",
        // 11644473600 + 1640995200 = 13285468800 seconds since 1601.
        "WEBKIT_MICROS        | 13285468800000001         | 2022-01-01T00:00:00.000001Z",
    })
    void convertsWholeValuesByHandComputedAnswers(Epoch epoch, long value, String expected) {
        assertThat(epoch.toInstant(value)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void convertsFractionalMacAbsoluteTime() {
        // 694224000 = 2023-01-01T00:00:00Z - 2001-01-01T00:00:00Z.
        assertThat(Epoch.MAC_ABSOLUTE_SECONDS.toInstant(694224000.5)).isEqualTo(Instant.parse("2023-01-01T00:00:00.500Z"));
    }

    @Test
    void readsADoubleThroughItsShortestDecimalText() {
        assertThat(Epoch.MAC_ABSOLUTE_SECONDS.toInstant(694224000.1)).isEqualTo(Instant.parse("2023-01-01T00:00:00.100Z"));
        assertThat(Epoch.UNIX_SECONDS.toInstant(-0.5)).isEqualTo(Instant.parse("1969-12-31T23:59:59.500Z"));
    }

    @Test
    void roundsBeyondNanosecondsHalfEven() {
        assertThat(Epoch.UNIX_SECONDS.toInstant(new BigDecimal("0.0000000005"))).isEqualTo(Instant.EPOCH);
        assertThat(Epoch.UNIX_SECONDS.toInstant(new BigDecimal("0.0000000015"))).isEqualTo(Instant.ofEpochSecond(0, 2));
    }

    @Test
    void rejectsNanAndInfinity() {
        assertThatIllegalArgumentException().isThrownBy(() -> Epoch.UNIX_SECONDS.toInstant(Double.NaN)).withMessageContaining("NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Epoch.UNIX_SECONDS.toInstant(Double.POSITIVE_INFINITY))
                .withMessageContaining("infinite");
    }

    @Test
    void rejectsValuesBeyondWhatAnInstantHolds() {
        assertThatIllegalArgumentException().isThrownBy(() -> Epoch.UNIX_SECONDS.toInstant(Long.MAX_VALUE))
                .withMessageContaining("out of range");
    }

    @ParameterizedTest
    @EnumSource(Epoch.class)
    void fromInstantIsTheInverseOfToInstant(Epoch epoch) {
        Instant t = Instant.parse("2023-06-15T12:34:56.789Z");
        assertThat(epoch.toInstant(epoch.fromInstant(t))).isEqualTo(t);
    }

    @Test
    void writesValuesWithoutTrailingZeros() {
        assertThat(Epoch.MAC_ABSOLUTE_SECONDS.fromInstant(Instant.parse("2023-01-01T00:00:00.500Z"))).isEqualTo(new BigDecimal("694224000.5"));
        assertThat(Epoch.WEBKIT_MICROS.fromInstant(Instant.EPOCH)).isEqualTo(new BigDecimal("11644473600000000"));
        assertThat(Epoch.UNIX_MILLIS.fromInstant(Instant.parse("2001-01-01T00:00:00Z"))).isEqualTo(new BigDecimal("978307200000"));
    }

    @Test
    void macAbsoluteTimeStartsAtTheDocumentedOffset() {
        assertThat(Epoch.MAC_ABSOLUTE_SECONDS.origin().getEpochSecond()).isEqualTo(978307200L);
    }
}
