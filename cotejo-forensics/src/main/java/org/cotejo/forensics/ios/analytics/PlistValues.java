package org.cotejo.forensics.ios.analytics;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSSet;
import com.dd.plist.NSString;
import com.dd.plist.UID;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Property-list values as the JSON values MVT writes for them, so analytics records read the same in
 * both tools: dates as Python prints a naive UTC datetime ("2021-03-01 10:00:00", with ".ffffff" only
 * when there are microseconds), data as UTF-8 text with each invalid byte written "\xNN".
 */
final class PlistValues {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private PlistValues() {}

    static Object json(NSObject o) {
        if (o == null) return null;
        if (o instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NSObject> e : d.getHashMap().entrySet()) out.put(e.getKey(), json(e.getValue()));
            return out;
        }
        if (o instanceof NSArray a) return list(a.getArray());
        if (o instanceof NSSet s) return list(s.allObjects());
        if (o instanceof NSString s) return s.getContent();
        if (o instanceof NSNumber n) {
            if (n.isBoolean()) return n.boolValue();
            return n.isInteger() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (o instanceof NSDate d) return date(d);
        if (o instanceof NSData d) return text(d.bytes());
        if (o instanceof UID u) return "UID(" + new java.math.BigInteger(1, u.getBytes()) + ")";
        return o.toString();
    }

    private static List<Object> list(NSObject[] items) {
        List<Object> out = new ArrayList<>(items.length);
        for (NSObject item : items) out.add(json(item));
        return out;
    }

    private static String date(NSDate d) {
        LocalDateTime t = LocalDateTime.ofInstant(d.getDate().toInstant(), ZoneOffset.UTC);
        return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t);
    }

    /** UTF-8 text; each byte that is not part of valid UTF-8 becomes the four characters "\xNN". */
    static String text(byte[] bytes) {
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
}
