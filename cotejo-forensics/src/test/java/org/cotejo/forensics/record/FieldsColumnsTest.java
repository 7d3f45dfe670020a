package org.cotejo.forensics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fields backed by a table row read, compare, print and copy exactly as fields built one value at a time. */
class FieldsColumnsTest {
    private static final List<String> NAMES = List.of("ts", "uid", "id.orig_h", "id.orig_p", "query", "AA", "answers", "TTLs", "rtt", "note");

    @Test
    void aColumnRowIsIndistinguishableFromTheSameFieldsBuiltOneByOne() {
        SplittableRandom r = new SplittableRandom(11);
        Fields.Columns columns = Fields.Columns.of(NAMES);
        for (int row = 0; row < 5_000; row++) {
            Object[] values = new Object[NAMES.size()];
            Fields.Builder built = Fields.builder();
            for (int i = 0; i < values.length; i++) {
                if (r.nextInt(4) == 0) continue; // unset: absent
                values[i] = Fields.value(randomValue(r));
                built.put(NAMES.get(i), values[i]);
            }
            Fields byMap = built.build();
            Fields byColumns = Fields.ofColumns(columns, values);

            assertThat(byColumns).isEqualTo(byMap);
            assertThat(byMap).isEqualTo(byColumns);
            assertThat(byColumns.hashCode()).isEqualTo(byMap.hashCode());
            assertThat(byColumns.toString()).isEqualTo(byMap.toString());
            assertThat(new ArrayList<>(byColumns.keys())).isEqualTo(new ArrayList<>(byMap.keys()));
            assertThat(new ArrayList<>(byColumns.asMap().entrySet())).isEqualTo(new ArrayList<>(byMap.asMap().entrySet()));
            assertThat(byColumns.asMap().size()).isEqualTo(byMap.asMap().size());
            List<String> asked = new ArrayList<>(NAMES);
            asked.add("timestamp");
            for (String key : asked) {
                assertThat(byColumns.has(key)).as(key).isEqualTo(byMap.has(key));
                assertThat(byColumns.get(key)).as(key).isEqualTo(byMap.get(key));
                assertThat(byColumns.string(key)).as(key).isEqualTo(byMap.string(key));
                assertThat(byColumns.text(key)).as(key).isEqualTo(byMap.text(key));
                assertThat(byColumns.number(key)).as(key).isEqualTo(byMap.number(key));
                assertThat(byColumns.longValue(key)).as(key).isEqualTo(byMap.longValue(key));
                assertThat(byColumns.truthy(key)).as(key).isEqualTo(byMap.truthy(key));
                assertThat(byColumns.strings(key)).as(key).isEqualTo(byMap.strings(key));
                assertThat(byColumns.list(key)).as(key).isEqualTo(byMap.list(key));
            }
            String key = asked.get(r.nextInt(asked.size()));
            Object value = randomValue(r);
            Fields copy = byColumns.with(key, value);
            assertThat(copy).isEqualTo(byMap.with(key, value));
            assertThat(new ArrayList<>(copy.keys())).isEqualTo(new ArrayList<>(byMap.with(key, value).keys()));
        }
    }

    @Test
    void aColumnRowCannotBeChangedThroughItsMap() {
        Fields f = Fields.ofColumns(Fields.Columns.of(List.of("a", "b")), new Object[] {"x", null});
        assertThatThrownBy(() -> f.asMap().put("b", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.asMap().entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> f.asMap().entrySet().iterator().next().setValue("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.asMap()).isEqualTo(Map.of("a", "x"));
    }

    @Test
    void columnsAreDistinctAndRowsMatchThem() {
        assertThatThrownBy(() -> Fields.Columns.of(List.of("a", "b", "a"))).isInstanceOf(IllegalArgumentException.class);
        Fields.Columns ab = Fields.Columns.of(List.of("a", "b"));
        assertThat(ab.indexOf("b")).isEqualTo(1);
        assertThat(ab.indexOf("c")).isEqualTo(-1);
        assertThatThrownBy(() -> Fields.ofColumns(ab, new Object[3])).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object randomValue(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> "text" + r.nextInt(50);
            case 1 -> "";
            case 2 -> (long) r.nextInt(-5, 100_000);
            case 3 -> r.nextInt(3) == 0 ? 60.0 : r.nextDouble() * 1e6;
            case 4 -> r.nextBoolean();
            case 5 -> Collections.unmodifiableList(new ArrayList<>(List.of("a" + r.nextInt(5), "198.51.100." + r.nextInt(9))));
            case 6 -> Collections.emptyList();
            case 7 -> Collections.unmodifiableList(new ArrayList<>(java.util.Arrays.asList(1.5, null, 300.0)));
            default -> r.nextBoolean() ? "0" : "false";
        };
    }
}
