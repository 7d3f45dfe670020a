package org.cotejo.forensics.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of one record, in the order the module wrote them. Keys and shapes follow what MVT writes
 * in {@code <module>.json}, so the same record can be written out for MVT-based scripts and read back
 * from an MVT results folder. Values are JSON values only: null, String, Long, Double, Boolean,
 * BigInteger (integers beyond long), List and Map of those; numbers read from JSON are normalised to
 * these types on the way in.
 */
public final class Fields {
    private final Map<String, Object> values;

    private Fields(Map<String, Object> values) {
        this.values = values;
    }

    public static Builder builder() { return new Builder(); }

    /**
     * Fields backed by one row of a table: {@code values[i]} is the value of {@code columns.name(i)}, a null value a column
     * the row leaves out; keys iterate in column order. For readers of big tabular logs (a Zeek TSV log of ten million
     * rows): the column names are shared by every row and each row costs one array, where a map would cost a node per
     * value. The values must already be what {@link Builder#put} would store (String, Long, Double, Boolean, BigInteger,
     * unmodifiable lists and maps of those); the array is kept, not copied, so the caller must not change it afterwards.
     * Such fields equal, hash, print and read exactly as built ones with the same entries in the same order.
     */
    public static Fields ofColumns(Columns columns, Object[] values) {
        return ofColumns(columns, values, null);
    }

    /**
     * Column-backed fields some of whose values are made only when first read: a value {@link #LATER} is
     * {@code later.value(i)}, asked once it is needed (a record of a ten-million-line log is matched and judged on
     * three or four of its columns; the others are needed only if it is written). The reader checks each such value
     * when it reads the line, so making it cannot fail, and must make it as an immutable value whose fields are final
     * (strings, numbers, lists over arrays), so that fields read on several threads stay correct if two make it at once.
     */
    public static Fields ofColumns(Columns columns, Object[] values, Later later) {
        if (values.length != columns.names.length) {
            throw new IllegalArgumentException(values.length + " values for " + columns.names.length + " columns");
        }
        return new Fields(new ColumnMap(columns, values, later));
    }

    /** Stands in a column-backed row for a value made when first read (see {@link #ofColumns(Columns, Object[], Later)}). */
    public static final Object LATER = new Object() {
        @Override public String toString() { return "(made when read)"; }
    };

    /** Makes the values a column-backed row left {@link #LATER}. */
    @FunctionalInterface
    public interface Later {
        /** The value of column {@code column}, as {@link Builder#put} would store it; never null. */
        Object value(int column);
    }

    /** Fields from a JSON object or any map of JSON-like values (keys kept in iteration order). */
    public static Fields of(Map<String, ?> map) {
        Builder b = builder();
        map.forEach(b::put);
        return b.build();
    }

    public boolean has(String key) { return values.containsKey(key); }

    public Object get(String key) { return values.get(key); }

    /** The value as text: strings as they are, numbers and booleans in their JSON text, null when absent or null. */
    public String string(String key) {
        Object v = values.get(key);
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    /** Text, or "" when absent or null. */
    public String text(String key) {
        String s = string(key);
        return s == null ? "" : s;
    }

    /** The value as a number when it is one (or numeric text), else null. */
    public Number number(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) return n;
        if (v instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (v instanceof Boolean b) return b ? 1L : 0L;
        return null;
    }

    public Long longValue(String key) {
        Number n = number(key);
        if (n == null) return null;
        if (n instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return n.longValue();
    }

    /** Truthiness as JSON-minded tools read it: true, non-zero numbers, non-empty text other than "0"/"false". */
    public boolean truthy(String key) {
        Object v = values.get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof String s) return !s.isEmpty() && !s.equals("0") && !s.equalsIgnoreCase("false");
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** A list value's elements as text (non-text elements in their JSON text); empty when absent or not a list. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) return List.of();
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) if (o != null) out.add(o instanceof String s ? s : String.valueOf(o));
        return out;
    }

    /** A nested object, or null. */
    @SuppressWarnings("unchecked")
    public Fields object(String key) {
        Object v = values.get(key);
        return v instanceof Map<?, ?> m ? new Fields((Map<String, Object>) m) : null;
    }

    public List<?> list(String key) {
        Object v = values.get(key);
        return v instanceof List<?> l ? l : List.of();
    }

    /** The keys in their order. */
    public java.util.Set<String> keys() { return values.keySet(); }

    /** An unmodifiable view for writers. */
    public Map<String, Object> asMap() { return values; }

    /**
     * One value derived from these fields (a reading of them another stage needs, such as a DNS answer),
     * made by {@code make} on first request and kept: fields never change, so it never goes stale. One
     * value of one type is kept; asking for another type makes it each time. A race between two threads
     * makes it twice, harmlessly. Equality and hashing ignore it. The value must be immutable and held by
     * final fields (a record of immutable values): it is kept without a memory barrier (one per record of a
     * ten-million-line log costs), and final fields make it whole on any thread that sees it.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<Fields, T> make) {
        Object d = derived;
        if (type.isInstance(d)) return type.cast(d);
        T made = make.apply(this);
        if (d == null && made != null) derived = made;
        return made;
    }

    private Object derived;

    /** A copy with one more (or a replaced) field. */
    public Fields with(String key, Object value) {
        Builder b = builder();
        values.forEach(b::put);
        b.put(key, value);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields f && values.equals(f.values);
    }

    @Override
    public int hashCode() { return values.hashCode(); }

    @Override
    public String toString() { return values.toString(); }

    /**
     * The column names of a table whose rows become {@link #ofColumns column-backed fields}: made once per header and shared
     * by its rows. Names are distinct.
     */
    public static final class Columns {
        final String[] names;
        private final java.util.HashMap<String, Integer> index;

        private Columns(String[] names) {
            this.names = names;
            this.index = new java.util.HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                if (index.put(Objects.requireNonNull(names[i], "column name"), i) != null) {
                    throw new IllegalArgumentException("column " + names[i] + " named twice");
                }
            }
        }

        /** @throws IllegalArgumentException when a name is repeated */
        public static Columns of(List<String> names) {
            return new Columns(names.toArray(new String[0]));
        }

        public int size() { return names.length; }

        public String name(int i) { return names[i]; }

        /** The column's position, or -1. */
        public int indexOf(Object name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
    }

    public static final class Builder {
        private LinkedHashMap<String, Object> map = new LinkedHashMap<>();

        public Builder put(String key, Object value) {
            map.put(Objects.requireNonNull(key, "key"), normalise(value));
            return this;
        }

        /** Puts the value only when it is not null. */
        public Builder putIfPresent(String key, Object value) {
            if (value != null) put(key, value);
            return this;
        }

        /** The fields; the builder hands its map over and starts afresh, so building costs no copy. */
        public Fields build() {
            Fields f = new Fields(Collections.unmodifiableMap(map));
            map = new LinkedHashMap<>();
            return f;
        }
    }

    /** {@code v} as fields hold it (what {@link Builder#put} stores): for readers that fill {@link #ofColumns} rows. */
    public static Object value(Object v) {
        return normalise(v);
    }

    static Object normalise(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return (double) f;
        if (v instanceof BigInteger i) return i.bitLength() < 64 ? (Object) i.longValue() : i;
        if (v instanceof BigDecimal d) {
            if (d.scale() <= 0) return normalise(d.toBigIntegerExact());
            return d.doubleValue();
        }
        if (v instanceof CharSequence cs) return cs.toString();
        if (v instanceof Fields f) return f.values;
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) out.add(normalise(o));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Object[] arr) return normalise(List.of(arr));
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
}
