package org.cotejo.forensics.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.cotejo.core.CotejoException;
import org.junit.jupiter.api.Test;

class KeybagTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEK = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    /** RFC 3394 §4.6: the key 00112233...0e0f wrapped with KEK. */
    private static final byte[] WPKY = HEX.parseHex("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");

    /** A keybag laid out byte by byte as a backup keybag: attributes, then two class key records. */
    private static byte[] handBuiltKeybag() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        item(b, "VERS", 0, 0, 0, 4);
        item(b, "TYPE", 0, 0, 0, 1);
        item(b, "UUID", 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0x01);
        item(b, "HMCK", new byte[40]);
        item(b, "WRAP", 0, 0, 0, 0);
        item(b, "SALT", 0x5a, 0x5a, 0x5a, 0x5a);
        item(b, "ITER", 0, 0, 0x27, 0x10);                  // 10,000
        item(b, "DPWT", 0, 0, 0, 1);
        item(b, "DPIC", 0, 0x98, 0x96, 0x80);               // 10,000,000
        item(b, "DPSL", 0xd5, 0xd5, 0xd5);
        item(b, "UUID", 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0x01);
        item(b, "CLAS", 0, 0, 0, 1);
        item(b, "WRAP", 0, 0, 0, 3);
        item(b, "KTYP", 0, 0, 0, 0);
        item(b, "WPKY", WPKY);
        item(b, "UUID", 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0xbb, 0x02);
        item(b, "CLAS", 0, 0, 0, 11);
        item(b, "WRAP", 0, 0, 0, 1);                        // device-wrapped only: not unlocked by the password
        item(b, "KTYP", 0, 0, 0, 1);
        item(b, "WPKY", new byte[40]);
        item(b, "PBKY", 1, 2, 3);
        return b.toByteArray();
    }

    @Test
    void parsesTheKeybagAttributesAndItsClassKeys() {
        Keybag k = Keybag.parse(handBuiltKeybag());

        assertThat(HEX.formatHex(k.uuid())).isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01");
        assertThat(k.wrap()).isEqualTo(0L);
        assertThat(k.type()).isEqualTo(1L);
        assertThat(k.number("VERS")).isEqualTo(4L);
        assertThat(k.attribute("SALT")).containsExactly(0x5a, 0x5a, 0x5a, 0x5a);
        assertThat(k.number("ITER")).isEqualTo(10_000L);
        assertThat(k.number("DPIC")).isEqualTo(10_000_000L);
        assertThat(k.number("DPWT")).isEqualTo(1L);
        assertThat(k.attribute("DPSL")).containsExactly(0xd5, 0xd5, 0xd5);
        assertThat(k.attribute("HMCK")).hasSize(40);
        assertThat(k.attributeTags()).containsExactly("VERS", "TYPE", "HMCK", "SALT", "ITER", "DPWT", "DPIC", "DPSL");

        assertThat(k.classKeys()).containsOnlyKeys(1, 11);
        Keybag.ClassKey one = k.classKeys().get(1);
        assertThat(HEX.formatHex(one.uuid())).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb01");
        assertThat(one.protectionClass()).isEqualTo(1);
        assertThat(one.wrap()).isEqualTo(3L);
        assertThat(one.keyType()).isEqualTo(0L);
        assertThat(one.wrappedKey()).isEqualTo(WPKY);
        assertThat(one.publicKey()).isNull();
        Keybag.ClassKey eleven = k.classKeys().get(11);
        assertThat(eleven.wrap()).isEqualTo(1L);
        assertThat(eleven.keyType()).isEqualTo(1L);
        assertThat(eleven.publicKey()).containsExactly(1, 2, 3);
    }

    @Test
    void unlocksOnlyThePasswordWrappedClassKeys() throws Exception {
        try (ClassKeys keys = Keybag.parse(handBuiltKeybag()).unlock(KEK)) {
            assertThat(keys.classes()).containsExactly(1);
        }
    }

    @Test
    void aWrongKeyFailsTheUnlock() {
        byte[] wrong = KEK.clone();
        wrong[31] ^= 0x40;
        assertThatThrownBy(() -> Keybag.parse(handBuiltKeybag()).unlock(wrong)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void derivesTheKeyWithBothPbkdf2StagesWhenDpslAndDpicArePresent() {
        byte[] keybag = tlv("SALT", "salt".getBytes(StandardCharsets.US_ASCII), "ITER", be(2), "DPSL", "dpsl".getBytes(StandardCharsets.US_ASCII), "DPIC", be(3));
        byte[] first = Pbkdf2.hmacSha256("secret".getBytes(StandardCharsets.UTF_8), "dpsl".getBytes(StandardCharsets.US_ASCII), 3, 32);
        byte[] expected = Pbkdf2.hmacSha1(first, "salt".getBytes(StandardCharsets.US_ASCII), 2, 32);
        assertThat(Keybag.parse(keybag).deriveKey("secret".getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void derivesTheKeyWithOnePbkdf2StageForKeybagsBeforeIos10_2() {
        byte[] keybag = tlv("SALT", "salt".getBytes(StandardCharsets.US_ASCII), "ITER", be(4096));
        // RFC 6070's 4096-iteration vector, extended to 32 bytes
        assertThat(HEX.formatHex(Keybag.parse(keybag).deriveKey("password".getBytes(StandardCharsets.US_ASCII))))
                .startsWith("4b007901b765489abead49d926f721d065a429c1");
    }

    @Test
    void aTruncatedOrHostileKeybagIsAClearError() {
        byte[] good = handBuiltKeybag();
        assertThatThrownBy(() -> Keybag.parse(java.util.Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("claims 3 bytes, only 0 remain");
        assertThatThrownBy(() -> Keybag.parse(java.util.Arrays.copyOf(good, 5)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("5 stray bytes at offset 0");
        byte[] slow = tlv("SALT", new byte[4], "ITER", be(0xffffffffL));
        assertThatThrownBy(() -> Keybag.parse(slow).deriveKey(new byte[] {1}))
                .isInstanceOf(CotejoException.class).hasMessageContaining("4294967295 ITER iterations");
    }

    private static byte[] tlv(Object... tagsAndValues) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < tagsAndValues.length; i += 2) item(b, (String) tagsAndValues[i], (byte[]) tagsAndValues[i + 1]);
        return b.toByteArray();
    }

    private static byte[] be(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void item(ByteArrayOutputStream b, String tag, int... value) {
        byte[] v = new byte[value.length];
        for (int i = 0; i < value.length; i++) v[i] = (byte) value[i];
        item(b, tag, v);
    }

    private static void item(ByteArrayOutputStream b, String tag, byte[] value) {
        b.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(be(value.length));
        b.writeBytes(value);
    }
}
