package org.cotejo.cases.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndWritesNoWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("sha256", "ab");
        inner.put("path", "Library/SMS/sms.db");
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", List.of(3, 1, 2));
        outer.put("a", inner);
        outer.put("m", null);

        assertThat(CanonicalJson.write(outer))
                .isEqualTo("{\"a\":{\"path\":\"Library/SMS/sms.db\",\"sha256\":\"ab\"},\"m\":null,\"z\":[3,1,2]}");
    }

    @Test
    void escapesTextAsRfc8785Does() {
        assertThat(CanonicalJson.write("quote \" backslash \\ tab \t newline \n bell \u0007 slash / é €"))
                .isEqualTo("\"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 slash / é €\"");
    }

    @Test
    void writesIntegersOfAnySizeAndBooleans() {
        assertThat(CanonicalJson.write(Arrays.asList(7, 9_000_000_000L, new BigInteger("123456789012345678901234567890"), true)))
                .isEqualTo("[7,9000000000,123456789012345678901234567890,true]");
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAsRfc8785Asks() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("b", 1);
        keys.put("B", 2);
        keys.put("\u00e9", 3);
        keys.put("a", 4);

        assertThat(CanonicalJson.write(keys)).isEqualTo("{\"B\":2,\"a\":4,\"b\":1,\"\u00e9\":3}");
    }

    @Test
    void refusesFractionsAndObjectsItCannotWriteCanonically() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("ratio", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
