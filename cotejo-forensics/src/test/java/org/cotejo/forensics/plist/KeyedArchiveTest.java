package org.cotejo.forensics.plist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.UID;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;

class KeyedArchiveTest {

    @Test
    void decodesDictionariesArraysDataStringsDatesAndNull() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "sms.db");
        fields.put("size", 4096L);
        fields.put("ratio", 0.5);
        fields.put("encrypted", true);
        fields.put("data", new byte[] {1, 2, 3});
        fields.put("when", Instant.parse("2024-06-01T10:00:00.25Z"));
        fields.put("tags", List.of("a", "b"));
        fields.put("nested", Map.of("k", "v"));
        fields.put("nothing", null);
        byte[] blob = KeyedArchiver.archive(new KeyedArchiver.Instance("Thing", fields));

        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) KeyedArchive.decode(blob, "test blob");

        assertThat(decoded).containsKeys("name", "size", "ratio", "encrypted", "data", "when", "tags", "nested", "nothing");
        assertThat(decoded.get("name")).isEqualTo("sms.db");
        assertThat(decoded.get("size")).isEqualTo(4096L);
        assertThat(decoded.get("ratio")).isEqualTo(0.5);
        assertThat(decoded.get("encrypted")).isEqualTo(true);
        assertThat((byte[]) decoded.get("data")).containsExactly(1, 2, 3);
        assertThat(decoded.get("when")).isEqualTo(Instant.parse("2024-06-01T10:00:00.25Z"));
        assertThat(decoded.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(decoded.get("nested")).isEqualTo(Map.of("k", "v"));
        assertThat(decoded.get("nothing")).isNull();
    }

    @Test
    void readsBackArchivesWithMoreObjectsThanOneByteUidsCanName() {
        List<String> many = java.util.stream.IntStream.range(0, 70_000).mapToObj(i -> "s" + i).toList();
        assertThat(KeyedArchive.decode(KeyedArchiver.archive(many), "big")).isEqualTo(many);
    }

    @Test
    void theRootIsObjectOneAsMvtReadsIt() {
        byte[] blob = KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", Map.of("Size", 7L)));
        assertThat(KeyedArchive.decodeObject(Plists.parse(blob, "blob"), 1, "blob")).isEqualTo(Map.of("Size", 7L));
    }

    @Test
    void anObjectReferredToTwiceIsSharedNotACycle() {
        // $objects[1] = array [uid 2, uid 2]; $objects[2] = "x"
        NSArray objects = new NSArray(new NSString("$null"), nsArray(uid(2), uid(2)), new NSString("x"), arrayClass());
        assertThat(KeyedArchive.decode(archive(objects), "shared")).isEqualTo(List.of("x", "x"));
    }

    @Test
    void aReferenceCycleIsAnErrorNamingTheLoop() {
        // $objects[1] = array [uid 2]; $objects[2] = array [uid 1]
        NSArray objects = new NSArray(new NSString("$null"), nsArray(uid(2)), nsArray(uid(1)), arrayClass());
        assertThatThrownBy(() -> KeyedArchive.decode(archive(objects), "cyclic blob"))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("cyclic blob")
                .hasMessageContaining("reference cycle $objects[1] -> $objects[2] -> $objects[1]");
    }

    @Test
    void anObjectThatContainsItselfIsACycle() {
        NSArray objects = new NSArray(new NSString("$null"), nsArray(uid(1)), new NSString("unused"), arrayClass());
        assertThatThrownBy(() -> KeyedArchive.decode(archive(objects), "self"))
                .hasMessageContaining("reference cycle $objects[1] -> $objects[1]");
    }

    @Test
    void aUidBeyondTheObjectsIsAnErrorNamingTheIndex() {
        NSArray objects = new NSArray(new NSString("$null"), nsArray(uid(2), uid(999)), new NSString("x"), arrayClass());
        assertThatThrownBy(() -> KeyedArchive.decode(archive(objects), "hostile blob"))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("hostile blob")
                .hasMessageContaining("UID 999 is out of range: $objects has 4 entries");
    }

    @Test
    void aClassReferenceBeyondTheObjectsIsAnError() {
        NSDictionary o = new NSDictionary();
        o.put("$class", uid(77));
        NSArray objects = new NSArray(new NSString("$null"), o);
        assertThatThrownBy(() -> KeyedArchive.decode(archive(objects), "blob")).hasMessageContaining("UID 77 is out of range");
    }

    @Test
    void aVeryDeepChainStopsAtTheDepthLimitWithoutOverflowingTheStack() {
        int n = 20_000;
        NSObject[] objects = new NSObject[n + 2];
        objects[0] = new NSString("$null");
        for (int i = 1; i <= n; i++) objects[i] = nsArray(i < n ? uid(i + 1) : new NSString("bottom"));
        objects[n + 1] = arrayClass();
        // the class description sits last; rewrite every array's $class to point at it
        for (int i = 1; i <= n; i++) ((NSDictionary) objects[i]).put("$class", uid(n + 1));
        assertThatThrownBy(() -> KeyedArchive.decode(archive(new NSArray(objects)), "deep blob"))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("nesting deeper than " + KeyedArchive.MAX_DEPTH + " levels");
    }

    @Test
    void somethingElseThanAnArchiveIsAClearError() {
        NSDictionary notAnArchive = new NSDictionary();
        notAnArchive.put("hello", "world");
        assertThatThrownBy(() -> KeyedArchive.decode(notAnArchive, "Manifest.db file blob"))
                .hasMessage("Manifest.db file blob: not an NSKeyedArchiver archive (no $objects array)");
        assertThatThrownBy(() -> KeyedArchive.decode(new byte[] {1, 2, 3}, "garbage"))
                .isInstanceOf(CotejoException.class).hasMessageStartingWith("garbage:");
    }

    @Test
    void mismatchedDictionaryKeysAndValuesAreAnError() {
        NSDictionary dict = new NSDictionary();
        dict.put("NS.keys", new NSArray(uid(3), uid(3)));
        dict.put("NS.objects", new NSArray(uid(3)));
        dict.put("$class", uid(2));
        NSDictionary cls = new NSDictionary();
        cls.put("$classname", "NSDictionary");
        NSArray objects = new NSArray(new NSString("$null"), dict, cls, new NSString("k"));
        assertThatThrownBy(() -> KeyedArchive.decode(archive(objects), "blob")).hasMessageContaining("dictionary with 2 keys and 1 values");
    }

    // --- hand-built archives: $objects given, $top.root = UID 1, array class description where asked

    private static byte[] archive(NSArray objects) {
        NSDictionary a = new NSDictionary();
        a.put("$version", 100000);
        a.put("$archiver", "NSKeyedArchiver");
        NSDictionary top = new NSDictionary();
        top.put("root", uid(1));
        a.put("$top", top);
        a.put("$objects", objects);
        try {
            return BinaryPropertyListWriter.writeToArray(a);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An NSArray object whose class description is the last entry of $objects (fixed up by the caller when needed). */
    private static NSDictionary nsArray(NSObject... members) {
        NSDictionary d = new NSDictionary();
        d.put("NS.objects", new NSArray(members));
        d.put("$class", uid(3));
        return d;
    }

    private static NSDictionary arrayClass() {
        NSDictionary c = new NSDictionary();
        c.put("$classname", "NSArray");
        c.put("$classes", new NSArray(new NSString("NSArray"), new NSString("NSObject")));
        return c;
    }

    private static UID uid(int i) {
        return new UID("u" + i, BigInteger.valueOf(i));
    }
}
