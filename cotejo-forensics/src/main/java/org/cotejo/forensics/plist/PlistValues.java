package org.cotejo.forensics.plist;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNull;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSSet;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * Property-list values as the JSON values records hold. Dictionaries keep the key order of the file;
 * dates become MVT's UTC time text; data becomes base64 text (MVT base64-encodes the blobs it knows of,
 * such as profile signer certificates and locationd storage tokens; Cotejo does it for every blob so no
 * record ever carries raw bytes); UIDs become their number.
 *
 * <p>{@link #pythonJson} is the one variant, for the keychain analytics records only: MVT writes those
 * straight from Python's plistlib, so their dates, data and UIDs read differently (see there).
 */
public final class PlistValues {
    private static final DateTimeFormatter PYTHON_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter PYTHON_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** How the three kinds of value the two renderings disagree on are written. */
    private enum Rendering { RECORD, PYTHON }

    private PlistValues() {}

    /** The JSON value of a property-list object; null stays null. */
    public static Object json(NSObject o) {
        return convert(o, Rendering.RECORD);
    }

    /**
     * The JSON value MVT writes for a property-list object it read with Python's plistlib, so keychain
     * analytics records read the same in both tools and records loaded from MVT's {@code analytics.json}
     * match Cotejo's: dates as Python prints a naive UTC datetime ("2021-03-01 10:00:00", with
     * ".ffffff" only when there are microseconds), data as {@link #escapedUtf8 UTF-8 text} (so host and
     * process names inside blobs stay readable as observables), UIDs as "UID(n)".
     */
    public static Object pythonJson(NSObject o) {
        return convert(o, Rendering.PYTHON);
    }

    /** A dictionary's entries as record fields, in the file's order. */
    public static Fields fields(NSDictionary d) {
        Fields.Builder b = Fields.builder();
        for (Map.Entry<String, NSObject> e : d.entrySet()) b.put(e.getKey(), json(e.getValue()));
        return b.build();
    }

    /** The text of a string value, else null (a number or dictionary where text was expected). */
    public static String text(NSObject o) {
        return o instanceof NSString s ? s.getContent() : null;
    }

    /** UTF-8 text; each byte that is not part of valid UTF-8 becomes the four characters "\xNN", as Python writes it. */
    public static String escapedUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) out.put(String.format("\\x%02x", in.get() & 0xff));
            }
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static Object convert(NSObject o, Rendering how) {
        if (o == null || o instanceof NSNull) return null;
        if (o instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NSObject> e : d.entrySet()) out.put(e.getKey(), convert(e.getValue(), how));
            return out;
        }
        if (o instanceof NSArray a) return list(a.getArray(), how);
        if (o instanceof NSSet s) return list(s.allObjects(), how);
        if (o instanceof NSString s) return s.getContent();
        if (o instanceof NSNumber n) {
            if (n.isBoolean()) return n.boolValue();
            if (n.isInteger()) return n.longValue();
            return n.doubleValue();
        }
        if (o instanceof NSDate d) return how == Rendering.RECORD ? MvtTime.format(d.getDate().toInstant()) : pythonDate(d);
        if (o instanceof NSData d) return how == Rendering.RECORD ? Base64.getEncoder().encodeToString(d.bytes()) : escapedUtf8(d.bytes());
        if (o instanceof UID u) {
            BigInteger n = new BigInteger(1, u.getBytes());
            return how == Rendering.RECORD ? (Object) n.longValue() : "UID(" + n + ")";
        }
        return o.toString();
    }

    private static List<Object> list(NSObject[] items, Rendering how) {
        List<Object> out = new ArrayList<>(items.length);
        for (NSObject item : items) out.add(convert(item, how));
        return out;
    }

    private static String pythonDate(NSDate d) {
        LocalDateTime t = LocalDateTime.ofInstant(d.getDate().toInstant(), ZoneOffset.UTC);
        return (t.getNano() / 1000 == 0 ? PYTHON_SECONDS : PYTHON_MICROS).format(t);
    }
}
