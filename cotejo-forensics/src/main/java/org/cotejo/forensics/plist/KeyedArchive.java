package org.cotejo.forensics.plist;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.cotejo.core.CotejoException;
import org.cotejo.core.time.Epoch;

/**
 * Decodes NSKeyedArchiver property lists ({@code $archiver}, {@code $top}, {@code $objects}, UID
 * references) into plain Java values: {@code Map<String, Object>} (insertion-ordered) for dictionaries
 * and for objects of other classes (their encoded keys, {@code $class} left out), {@code List<Object>}
 * for arrays and sets, {@code String}, {@code Long}/{@code Double}/{@code BigInteger}, {@code Boolean},
 * {@code byte[]} for NSData, {@link Instant} for NSDate, and null for {@code $null}.
 *
 * <p>Blobs come from evidence and may be hostile: a UID beyond {@code $objects} is an error naming the
 * index; an object that refers back to itself (directly or through others) is an error naming the loop;
 * nesting deeper than {@link #MAX_DEPTH} is an error, so decoding never overflows the stack. An object
 * referred to several times is decoded once and shared (read-only), so a graph of shared references
 * cannot blow up into an exponential tree.
 */
public final class KeyedArchive {
    /** Deepest nesting of containers accepted; NSKeyedArchiver blobs on phones nest a handful of levels. */
    public static final int MAX_DEPTH = 100;
    /** Largest archive accepted, in bytes (Manifest.db blobs are a few hundred bytes). */
    public static final int MAX_BYTES = 16 << 20;

    private static final Object UNDECODED = new Object();

    private final NSArray objects;
    private final String where;
    private final Object[] decoded;
    private final boolean[] onPath;
    private final List<Integer> path = new ArrayList<>();

    private KeyedArchive(NSArray objects, String where) {
        this.objects = objects;
        this.where = where;
        this.decoded = new Object[objects.count()];
        this.onPath = new boolean[objects.count()];
        java.util.Arrays.fill(decoded, UNDECODED);
    }

    /** Parses {@code bytes} (binary or XML plist) and decodes its root object; {@code where} names the blob in errors. */
    public static Object decode(byte[] bytes, String where) {
        if (bytes.length > MAX_BYTES) throw new CotejoException(where + ": archive of " + bytes.length + " bytes is over the " + MAX_BYTES + "-byte limit");
        return decode(Plists.parse(bytes, where), where);
    }

    /**
     * Decodes the root object of an archive: {@code $top.root}, or the only entry of {@code $top}; a
     * {@code $top} with several other entries decodes to a map of them.
     */
    public static Object decode(NSObject plist, String where) {
        NSDictionary archive = archive(plist, where);
        KeyedArchive a = new KeyedArchive((NSArray) archive.objectForKey("$objects"), where);
        NSObject top = archive.objectForKey("$top");
        if (!(top instanceof NSDictionary t) || t.count() == 0) throw a.error("$top is missing or empty");
        if (t.containsKey("root")) return a.value(t.objectForKey("root"), 0);
        if (t.count() == 1) return a.value(t.values().iterator().next(), 0);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, NSObject> e : t.entrySet()) out.put(e.getKey(), a.value(e.getValue(), 0));
        return Collections.unmodifiableMap(out);
    }

    /** Decodes {@code $objects[index]} (MVT reads the MBFile of Manifest.db blobs at index 1). */
    public static Object decodeObject(NSObject plist, int index, String where) {
        NSDictionary archive = archive(plist, where);
        return new KeyedArchive((NSArray) archive.objectForKey("$objects"), where).resolve(BigInteger.valueOf(index), 0);
    }

    private static NSDictionary archive(NSObject plist, String where) {
        if (!(plist instanceof NSDictionary d) || !(d.objectForKey("$objects") instanceof NSArray)) {
            throw new CotejoException(where + ": not an NSKeyedArchiver archive (no $objects array)");
        }
        return d;
    }

    /** A value as it appears inside an object: UIDs are followed, scalars converted, inline containers walked. */
    private Object value(NSObject v, int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        if (v == null) return null;
        if (v instanceof UID uid) return resolve(new BigInteger(1, uid.getBytes()), depth + 1);
        if (v instanceof NSNumber n) return number(n);
        if (v instanceof NSString s) return s.getContent();
        if (v instanceof NSData d) return d.bytes().clone();
        if (v instanceof NSDate d) return d.getDate().toInstant();
        if (v instanceof NSArray a) {
            List<Object> out = new ArrayList<>(a.count());
            for (NSObject o : a.getArray()) out.add(value(o, depth + 1));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NSObject> e : d.entrySet()) {
                if (!e.getKey().equals("$class")) out.put(e.getKey(), value(e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        throw error("unsupported value of type " + v.getClass().getSimpleName());
    }

    private Object resolve(BigInteger uid, int depth) {
        if (uid.compareTo(BigInteger.valueOf(decoded.length)) >= 0) {
            throw error("UID " + uid + " is out of range: $objects has " + decoded.length + " entries");
        }
        int index = uid.intValue();
        if (decoded[index] != UNDECODED) return decoded[index];
        if (onPath[index]) throw error("reference cycle " + loop(index));
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        onPath[index] = true;
        path.add(index);
        try {
            Object out = object(objects.objectAtIndex(index), depth);
            decoded[index] = out;
            return out;
        } finally {
            path.remove(path.size() - 1);
            onPath[index] = false;
        }
    }

    /** One entry of {@code $objects}: "$null", a scalar, or an archived object described by its {@code $class}. */
    private Object object(NSObject o, int depth) {
        if (o instanceof NSString s && s.getContent().equals("$null")) return null;
        if (!(o instanceof NSDictionary d) || !d.containsKey("$class")) return value(o, depth);
        String className = className(d.objectForKey("$class"));
        switch (className) {
            case "NSDictionary", "NSMutableDictionary" -> {
                List<Object> keys = list(d, "NS.keys", depth);
                List<Object> values = list(d, "NS.objects", depth);
                if (keys.size() != values.size()) {
                    throw error("dictionary with " + keys.size() + " keys and " + values.size() + " values");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) out.put(String.valueOf(keys.get(i)), values.get(i));
                return Collections.unmodifiableMap(out);
            }
            case "NSArray", "NSMutableArray", "NSSet", "NSMutableSet", "NSOrderedSet", "NSMutableOrderedSet" -> {
                return list(d, "NS.objects", depth);
            }
            case "NSData", "NSMutableData" -> {
                Object data = value(d.objectForKey("NS.data"), depth + 1);
                if (data != null && !(data instanceof byte[])) throw error(className + " whose NS.data is not data");
                return data;
            }
            case "NSString", "NSMutableString" -> {
                Object s = value(d.objectForKey("NS.string"), depth + 1);
                return s == null ? null : s.toString();
            }
            case "NSDate" -> {
                Object t = value(d.objectForKey("NS.time"), depth + 1);
                if (!(t instanceof Number n)) throw error("NSDate without a numeric NS.time");
                try {
                    return Epoch.MAC_ABSOLUTE_SECONDS.toInstant(new BigDecimal(n.toString()));
                } catch (IllegalArgumentException e) {
                    throw error("NSDate " + n + " is out of range");
                }
            }
            default -> {
                return value(d, depth);
            }
        }
    }

    private List<Object> list(NSDictionary d, String key, int depth) {
        NSObject v = d.objectForKey(key);
        if (v == null) return List.of();
        if (!(v instanceof NSArray)) throw error(key + " is not an array");
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) value(v, depth + 1);
        return out;
    }

    /** The {@code $classname} of the class description a {@code $class} UID points to. */
    private String className(NSObject ref) {
        if (!(ref instanceof UID uid)) throw error("$class is not a UID reference");
        BigInteger i = new BigInteger(1, uid.getBytes());
        if (i.compareTo(BigInteger.valueOf(decoded.length)) >= 0) {
            throw error("UID " + i + " is out of range: $objects has " + decoded.length + " entries");
        }
        NSObject c = objects.objectAtIndex(i.intValue());
        if (c instanceof NSDictionary cd && cd.objectForKey("$classname") instanceof NSString name) return name.getContent();
        throw error("$class " + i + " is not a class description");
    }

    private static Object number(NSNumber n) {
        return switch (n.type()) {
            case NSNumber.BOOLEAN -> n.boolValue();
            case NSNumber.INTEGER -> n.longValue();
            default -> n.doubleValue();
        };
    }

    private String loop(int index) {
        StringJoiner j = new StringJoiner(" -> ");
        for (int i = path.indexOf(index); i < path.size(); i++) j.add("$objects[" + path.get(i) + "]");
        return j.add("$objects[" + index + "]").toString();
    }

    private CotejoException error(String what) {
        return new CotejoException(where + ": malformed NSKeyedArchiver archive: " + what);
    }
}
