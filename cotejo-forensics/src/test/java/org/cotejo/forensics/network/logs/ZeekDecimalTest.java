package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cotejo.forensics.record.Fields;
import org.junit.jupiter.api.Test;

/** Zeek's interval and double columns read without BigDecimal give the record the very value BigDecimal gave. */
class ZeekDecimalTest {

    @Test
    void plainDecimalsBecomeTheValueTheRecordHeldThroughBigDecimal() {
        List<String> texts = new ArrayList<>(List.of("0.029000", "300.000000", "1735689600.001106", "0", "007", "5.", ".5", "-1.5",
                "1e5", "123456789012345678", "1234567890123456789", "0.1", "0.30000000000000004", "9007199254740993.0", "1.000000001"));
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int whole = 1 + r.nextInt(11);
            for (int k = 0; k < whole; k++) b.append((char) ('0' + r.nextInt(10)));
            if (r.nextInt(4) > 0) {
                b.append('.');
                int fraction = r.nextInt(10);
                for (int k = 0; k < fraction; k++) b.append((char) ('0' + r.nextInt(10)));
            }
            texts.add(b.toString());
        }
        for (String t : texts) {
            Object fast = Fields.builder().put("v", ZeekReader.decimal(t)).build().get("v");
            Object exact = Fields.builder().put("v", new BigDecimal(t)).build().get("v");
            assertThat(fast).as("'%s'", t).isEqualTo(exact);
        }
    }

    @Test
    void whatIsNotANumberStillFailsAsOne() {
        assertThatThrownBy(() -> ZeekReader.decimal("")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ZeekReader.decimal("1.2.3")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ZeekReader.decimal("abc")).isInstanceOf(NumberFormatException.class);
    }
}
