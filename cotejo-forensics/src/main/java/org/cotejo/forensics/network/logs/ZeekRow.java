package org.cotejo.forensics.network.logs;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cotejo.forensics.record.Fields;

/**
 * One row of a tab-separated Zeek log read from its bytes ({@link TsvLayout}): the values in column order, already as
 * a record holds them, with one more column, {@code timestamp}, left empty for {@link ZeekModule#emit} to fill, so the
 * record is made from the very array ({@link Fields#ofColumns}). As a map it is the row the reader hands over:
 * the log's columns without {@code timestamp}, an unset value absent.
 */
final class ZeekRow extends AbstractMap<String, Object> {
    /** The log's columns, then {@code timestamp}. */
    final Fields.Columns columns;
    final Object[] values;
    /**
     * What the row holds under {@code ts} before it is made a record value (a time column as its exact decimal), or
     * the instant already read from it; null when the row has no {@code ts}.
     */
    final Object ts;
    /** Makes the values left {@link Fields#LATER} (checked when the line was read); null when none are. */
    final Fields.Later later;

    ZeekRow(Fields.Columns columns, Object[] values, Object ts, Fields.Later later) {
        this.columns = columns;
        this.values = values;
        this.ts = ts;
        this.later = later;
    }

    @Override
    public Object get(Object key) {
        int i = columns.indexOf(key);
        return i < 0 || i == values.length - 1 ? null : value(i);
    }

    private Object value(int i) {
        Object v = values[i];
        return v == Fields.LATER ? later.value(i) : v;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length - 1; i++) if (values[i] != null) map.put(columns.name(i), value(i));
        return Collections.unmodifiableMap(map).entrySet();
    }
}
