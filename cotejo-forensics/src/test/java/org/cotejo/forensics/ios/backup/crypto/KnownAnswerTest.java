package org.cotejo.forensics.ios.backup.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Published test vectors (RFC 3394, RFC 6070, RFC 7914) and AES-CBC blocks computed with openssl. */
class KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY_0_TO_31 = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void unwrapsRfc3394Section4_6WithA256BitKekAnd256BitKeyData() throws Exception {
        byte[] wrapped = HEX.parseHex("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");
        byte[] key = AesKeyWrap.unwrap(KEY_0_TO_31, wrapped);
        assertThat(HEX.formatHex(key)).isEqualTo("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f");
        assertThat(AesKeyWrap.wrap(KEY_0_TO_31, key)).isEqualTo(wrapped);
    }

    @Test
    void unwrapWithTheWrongKeyFailsItsIntegrityCheck() {
        byte[] wrapped = HEX.parseHex("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");
        byte[] otherKek = KEY_0_TO_31.clone();
        otherKek[0] ^= 1;
        assertThatThrownBy(() -> AesKeyWrap.unwrap(otherKek, wrapped)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> AesKeyWrap.unwrap(KEY_0_TO_31, new byte[12])).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void pbkdf2HmacSha1MatchesRfc6070() {
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(Pbkdf2.hmacSha1(password, salt, 1, 20))).isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(HEX.formatHex(Pbkdf2.hmacSha1(password, salt, 2, 20))).isEqualTo("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
        assertThat(HEX.formatHex(Pbkdf2.hmacSha1(password, salt, 4096, 20))).isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        assertThat(HEX.formatHex(Pbkdf2.hmacSha1("passwordPASSWORDpassword".getBytes(StandardCharsets.US_ASCII),
                "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII), 4096, 25)))
                .isEqualTo("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
    }

    @Test
    void pbkdf2HmacSha256MatchesRfc7914Section11() {
        assertThat(HEX.formatHex(Pbkdf2.hmacSha256("passwd".getBytes(StandardCharsets.US_ASCII), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(HEX.formatHex(Pbkdf2.hmacSha256("Password".getBytes(StandardCharsets.US_ASCII), "NaCl".getBytes(StandardCharsets.US_ASCII), 80000, 64)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @Test
    void decryptsAes256CbcWithAZeroIvAsOpensslComputedIt() throws IOException {
        // printf 'Cotejo decrypts!Two blocks here.' | openssl enc -aes-256-cbc -K 0001..1f -iv 00..00 -nopad
        byte[] twoBlocks = HEX.parseHex("5308b190ce43927e01d3abb756adb43424a9c92c2febc9042ae4cf7effe9fd5e");
        assertThat(text(CbcDecryptingStream.whole(new ByteArrayInputStream(twoBlocks), KEY_0_TO_31, "t")))
                .isEqualTo("Cotejo decrypts!Two blocks here.");
        assertThat(text(CbcDecryptingStream.truncatedTo(new ByteArrayInputStream(twoBlocks), KEY_0_TO_31, 6, "t"))).isEqualTo("Cotejo");
    }

    @Test
    void stripsPkcs7PaddingByTheRecordedSizeOrByThePaddingItself() throws IOException {
        // printf 'Cotejo' | openssl enc -aes-256-cbc -K 0001..1f -iv 00..00   (PKCS#7 padding)
        byte[] padded = HEX.parseHex("48858feb8a9237a719b06d71b196d994");
        assertThat(text(CbcDecryptingStream.truncatedTo(new ByteArrayInputStream(padded), KEY_0_TO_31, 6, "t"))).isEqualTo("Cotejo");
        assertThat(text(CbcDecryptingStream.unpadded(new ByteArrayInputStream(padded), KEY_0_TO_31, "t"))).isEqualTo("Cotejo");
    }

    @Test
    void storedBytesThatAreNotWholeBlocksOrShorterThanTheSizeAreNamedAsDamaged() {
        byte[] twoBlocks = HEX.parseHex("5308b190ce43927e01d3abb756adb43424a9c92c2febc9042ae4cf7effe9fd5e");
        byte[] cut = java.util.Arrays.copyOf(twoBlocks, 21);
        assertThatThrownBy(() -> text(CbcDecryptingStream.truncatedTo(new ByteArrayInputStream(cut), KEY_0_TO_31, 6, "3d/3d0d (sms.db)")))
                .isInstanceOf(IOException.class).hasMessageContaining("3d/3d0d (sms.db): 21 stored bytes are not whole AES blocks");
        assertThatThrownBy(() -> text(CbcDecryptingStream.truncatedTo(new ByteArrayInputStream(twoBlocks), KEY_0_TO_31, 100, "f")))
                .isInstanceOf(IOException.class).hasMessageContaining("decrypts to 32 bytes, fewer than the 100 the manifest records");
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
