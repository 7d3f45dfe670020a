package org.cotejo.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void keepsTheRawValueAsTextBesideTheInstant() {
        Timestamp t = Timestamp.of(Epoch.MAC_ABSOLUTE_SECONDS, 694224000.5);
        assertThat(t).isEqualTo(new Timestamp(Instant.parse("2023-01-01T00:00:00.500Z"), "694224000.5", Epoch.MAC_ABSOLUTE_SECONDS));
    }

    @Test
    void writesIntegersAndDecimalsWithoutExponents() {
        assertThat(Timestamp.of(Epoch.UNIX_MILLIS, 1640995200123L).raw()).isEqualTo("1640995200123");
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 1640995200).raw()).isEqualTo("1640995200");
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, new BigDecimal("1.6409952E+9")).raw()).isEqualTo("1640995200");
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 0.25f).raw()).isEqualTo("0.25");
    }

    @Test
    void parsesTextKeepingItExactlyAsGiven() {
        Timestamp t = Timestamp.parse(Epoch.WEBKIT_MICROS, " 11644473600000000");
        assertThat(t.instant()).isEqualTo(Instant.EPOCH);
        assertThat(t.raw()).isEqualTo(" 11644473600000000");
    }

    @Test
    void rejectsTextThatIsNotANumberAndNonFiniteDoubles() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamp.parse(Epoch.UNIX_SECONDS, "yesterday"))
                .withMessageContaining("'yesterday' is not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamp.of(Epoch.UNIX_SECONDS, Double.NaN)).withMessageContaining("NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamp.of(Epoch.UNIX_SECONDS, Float.NEGATIVE_INFINITY))
                .withMessageContaining("infinite");
    }

    @Test
    void judgesPhoneEraTimesPlausible() {
        assertThat(Timestamp.of(Epoch.MAC_ABSOLUTE_SECONDS, 694224000.5).plausible()).isTrue();
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 1).plausible()).isTrue();
    }

    @Test
    void flagsZeroTimesAndWrongUnitsAsImplausibleWithoutRejectingThem() {
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 0).plausible()).isFalse();
        assertThat(Timestamp.of(Epoch.MAC_ABSOLUTE_SECONDS, 0).plausible()).isFalse();
        // Milliseconds read as seconds: tens of thousands of years ahead.
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 1640995200123L).plausible()).isFalse();
        assertThat(Timestamp.of(Epoch.WEBKIT_MICROS, 1).plausible()).isFalse();
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 4102444800L).plausible()).isFalse(); // 2100-01-01
        assertThat(Timestamp.of(Epoch.UNIX_SECONDS, 4102444799L).plausible()).isTrue();
    }

    @Test
    void ordersByInstantFirst() {
        Timestamp early = Timestamp.of(Epoch.UNIX_SECONDS, 1000);
        Timestamp late = Timestamp.of(Epoch.MAC_ABSOLUTE_SECONDS, 0);
        assertThat(early).isLessThan(late);
    }
}
