package org.cotejo.forensics.plist;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cotejo.core.time.Epoch;

/**
 * Writes NSKeyedArchiver binary property lists, as iOS does for the {@code file} blobs of Manifest.db:
 * {@code $objects[0]} is "$null", the root object is {@code $objects[1]}, every object refers to its
 * class description and to other objects by UID. Used to build backups (tests, benchmarks, the
 * simulator); {@link KeyedArchive} reads them back.
 */
public final class KeyedArchiver {
    /**
     * An object of an archived class (e.g. MBFile). Numbers and booleans in {@code fields} are stored
     * inline, as {@code encodeInt64:forKey:} does; strings, data, dates, lists, maps and other instances
     * are stored as objects and referred to by UID; null is a reference to "$null".
     */
    public record Instance(String className, Map<String, Object> fields) {
        public Instance {
            Objects.requireNonNull(className, "className");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    private final List<NSObject> objects = new ArrayList<>();
    private final Map<String, UID> classes = new HashMap<>();
    private final Map<String, UID> strings = new HashMap<>();

    private KeyedArchiver() {
        objects.add(new NSString("$null"));
    }

    /** The binary plist archiving {@code root} (an {@link Instance}, String, byte[], Instant, List, Map, or number). */
    public static byte[] archive(Object root) {
        KeyedArchiver a = new KeyedArchiver();
        UID top = a.reference(root);
        NSDictionary archive = new NSDictionary();
        archive.put("$version", new NSNumber(100000));
        archive.put("$archiver", new NSString("NSKeyedArchiver"));
        NSDictionary t = new NSDictionary();
        t.put("root", top);
        archive.put("$top", t);
        archive.put("$objects", new NSArray(a.objects.toArray(new NSObject[0])));
        try {
            return BinaryPropertyListWriter.writeToArray(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory property list", e);
        }
    }

    /** Stores {@code value} as an object of {@code $objects} (once per distinct string) and returns its UID. */
    private UID reference(Object value) {
        if (value == null) return uid(0);
        if (value instanceof String s) {
            UID known = strings.get(s);
            if (known != null) return known;
            UID u = add(new NSString(s));
            strings.put(s, u);
            return u;
        }
        if (value instanceof Number || value instanceof Boolean) return add(scalar(value));
        int slot = reserve();
        NSDictionary d = new NSDictionary();
        if (value instanceof Instance o) {
            o.fields().forEach((k, v) -> d.put(k, v instanceof Number || v instanceof Boolean ? scalar(v) : reference(v)));
            d.put("$class", classOf(o.className(), o.className(), "NSObject"));
        } else if (value instanceof byte[] b) {
            d.put("NS.data", new NSData(b));
            d.put("$class", classOf("NSMutableData", "NSMutableData", "NSData", "NSObject"));
        } else if (value instanceof Instant t) {
            d.put("NS.time", new NSNumber(Epoch.MAC_ABSOLUTE_SECONDS.fromInstant(t).doubleValue()));
            d.put("$class", classOf("NSDate", "NSDate", "NSObject"));
        } else if (value instanceof List<?> l) {
            d.put("NS.objects", new NSArray(l.stream().map(this::reference).toArray(NSObject[]::new)));
            d.put("$class", classOf("NSArray", "NSArray", "NSObject"));
        } else if (value instanceof Map<?, ?> m) {
            List<NSObject> keys = new ArrayList<>();
            List<NSObject> values = new ArrayList<>();
            m.forEach((k, v) -> {
                keys.add(reference(String.valueOf(k)));
                values.add(reference(v));
            });
            d.put("NS.keys", new NSArray(keys.toArray(new NSObject[0])));
            d.put("NS.objects", new NSArray(values.toArray(new NSObject[0])));
            d.put("$class", classOf("NSDictionary", "NSDictionary", "NSObject"));
        } else {
            throw new IllegalArgumentException("cannot archive a " + value.getClass().getName());
        }
        objects.set(slot, d);
        return uid(slot);
    }

    /** The class description {@code {$classname, $classes}}, stored once per class name. */
    private UID classOf(String name, String... chain) {
        UID known = classes.get(name);
        if (known != null) return known;
        NSDictionary c = new NSDictionary();
        c.put("$classname", new NSString(name));
        c.put("$classes", new NSArray(java.util.Arrays.stream(chain).map(NSString::new).toArray(NSObject[]::new)));
        UID u = add(c);
        classes.put(name, u);
        return u;
    }

    private static NSObject scalar(Object v) {
        if (v instanceof Boolean b) return new NSNumber(b);
        if (v instanceof Double || v instanceof Float) return new NSNumber(((Number) v).doubleValue());
        return new NSNumber(((Number) v).longValue());
    }

    /** Keeps the slot of an object whose members are written first, so that the root stays at index 1. */
    private int reserve() {
        objects.add(new NSString("$null"));
        return objects.size() - 1;
    }

    private UID add(NSObject o) {
        objects.add(o);
        return uid(objects.size() - 1);
    }

    private static UID uid(int index) {
        return new UID("$" + index, BigInteger.valueOf(index));
    }
}
