package org.cotejo.forensics.ios.preferences;

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
 * record ever carries raw bytes).
 *
 * <p>This belongs beside {@code plist/Plists}; it lives here because that package is framework code
 * this feature may not change. Several iOS configuration modules share it.
 */
public final class PlistValues {
    private PlistValues() {}

    /** The JSON value of a property-list object; null stays null. */
    public static Object json(NSObject o) {
        if (o == null || o instanceof NSNull) return null;
        if (o instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NSObject> e : d.entrySet()) out.put(e.getKey(), json(e.getValue()));
            return out;
        }
        if (o instanceof NSArray a) return list(a.getArray());
        if (o instanceof NSSet s) return list(s.allObjects());
        if (o instanceof NSString s) return s.getContent();
        if (o instanceof NSNumber n) {
            if (n.isBoolean()) return n.boolValue();
            if (n.isInteger()) return n.longValue();
            return n.doubleValue();
        }
        if (o instanceof NSDate d) return MvtTime.format(d.getDate().toInstant());
        if (o instanceof NSData d) return Base64.getEncoder().encodeToString(d.bytes());
        if (o instanceof UID u) return new BigInteger(1, u.getBytes()).longValue();
        return o.toString();
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

    private static List<Object> list(NSObject[] items) {
        List<Object> out = new ArrayList<>(items.length);
        for (NSObject item : items) out.add(json(item));
        return out;
    }
}
