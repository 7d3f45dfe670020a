package org.cotejo.forensics.record;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map behind {@link Fields#ofColumns}: one row of {@link Fields.Columns}, unmodifiable; a null value is an absent key;
 * iteration in column order. Equals, hashes and prints as any map with the same entries ({@link AbstractMap}).
 */
final class ColumnMap extends AbstractMap<String, Object> {
    private final Fields.Columns columns;
    private final Object[] values;
    /** Makes the values left {@link Fields#LATER}; null when there are none. */
    private final Fields.Later later;
    private int size = -1;
    private Set<Map.Entry<String, Object>> entries;

    ColumnMap(Fields.Columns columns, Object[] values, Fields.Later later) {
        this.columns = columns;
        this.values = values;
        this.later = later;
    }

    /** Column {@code i}'s value, made now if it was left for later (two threads making it at once make equal values). */
    private Object value(int i) {
        Object v = values[i];
        if (v == Fields.LATER) {
            v = later.value(i);
            values[i] = v;
        }
        return v;
    }

    @Override
    public Object get(Object key) {
        int i = columns.indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        int i = columns.indexOf(key);
        return i >= 0 && values[i] != null;
    }

    @Override
    public int size() {
        if (size < 0) {
            int n = 0;
            for (Object v : values) if (v != null) n++;
            size = n;
        }
        return size;
    }

    /** What {@link AbstractMap#hashCode} computes, without making an entry per value. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < values.length; i++) if (values[i] != null) h += columns.names[i].hashCode() ^ value(i).hashCode();
        return h;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) if (values[i] != null) action.accept(columns.names[i], value(i));
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override public int size() { return ColumnMap.this.size(); }

                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next = skip(0);

                        private int skip(int from) {
                            while (from < values.length && values[from] == null) from++;
                            return from;
                        }

                        @Override public boolean hasNext() { return next < values.length; }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= values.length) throw new NoSuchElementException();
                            Map.Entry<String, Object> e = new SimpleImmutableEntry<>(columns.names[next], value(next));
                            next = skip(next + 1);
                            return e;
                        }
                    };
                }
            };
        }
        return entries;
    }
}
