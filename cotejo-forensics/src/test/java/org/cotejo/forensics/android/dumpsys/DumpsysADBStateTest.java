package org.cotejo.forensics.android.dumpsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.forensics.record.Fields;
import org.junit.jupiter.api.Test;

class DumpsysADBStateTest {
    static final String KEY = "QAAAAAcgbytJst31DsaSP7hn8QcBXKR9NPVPK9MZssFVSNIP";

    private static byte[] adb(String debuggingManager, byte[] keystore) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("ADB MANAGER STATE (dumpsys adb):\n{\n  debugging_manager={\n" + debuggingManager).getBytes(StandardCharsets.UTF_8));
        if (keystore != null) {
            b.writeBytes("    keystore=".getBytes(StandardCharsets.UTF_8));
            b.writeBytes(keystore);
            b.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes("  }\n}\n".getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** Android's binary XML, as BinaryXmlSerializer writes a keystore. */
    static byte[] abx(String key, long lastConnection) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'A', 'B', 'X', 0});
        out.write(0x10); // START_DOCUMENT, null
        out.write(0x32); out.writeShort(0xffff); out.writeUTF("keyStore"); // START_TAG, new interned name
        out.write(0x6f); out.writeShort(0xffff); out.writeUTF("version"); out.writeInt(1); // ATTRIBUTE int
        out.write(0x32); out.writeShort(0xffff); out.writeUTF("adbKey");
        out.write(0x2f); out.writeShort(0xffff); out.writeUTF("key"); out.writeUTF(key); // ATTRIBUTE string
        out.write(0x8f); out.writeShort(0xffff); out.writeUTF("lastConnection"); out.writeLong(lastConnection); // ATTRIBUTE long
        out.write(0x33); out.writeShort(2); // END_TAG adbKey (interned index 2)
        out.write(0x33); out.writeShort(0); // END_TAG keyStore
        out.write(0x11); // END_DOCUMENT
        return bytes.toByteArray();
    }

    private static Fields parse(byte[] section, List<String> problems) {
        return DumpsysADBState.parse(section, 100, problems::add);
    }

    @Test
    void readsTheDebuggingStateAndTheUserKeysWithTheirFingerprints() {
        List<String> problems = new ArrayList<>();
        Fields f = parse(adb("    connected_to_adb=true\n    user_keys=" + KEY + " user@laptop\nbad!key other@host\n\n"
                + "    adb_wifi={\n      enabled=false\n      tls_port=0\n    }\n", null), problems);
        assertThat(problems).isEmpty();
        assertThat(f.string("connected_to_adb")).isEqualTo("true");
        assertThat(f.object("adb_wifi").string("enabled")).isEqualTo("false");
        assertThat(f.list("user_keys")).hasSize(2);
        List<AdbTrustedKey> keys = AdbTrustedKey.of(f);
        assertThat(keys.get(0).user()).isEqualTo("user@laptop");
        assertThat(keys.get(0).fingerprint()).matches("([0-9A-F]{2}:){15}[0-9A-F]{2}");
        assertThat(keys.get(0).validKey()).isTrue();
        assertThat(keys.get(1).fingerprint()).isEmpty();
        assertThat(keys.get(1).validKey()).isFalse();
    }

    @Test
    void readsAnXmlKeystoreWithLastConnectionsAndCountsEachKeyOnce() {
        String xml = "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n    <keyStore version=\"1\">\n"
                + "    <adbKey key=\"" + KEY + " user@laptop\" lastConnection=\"1628501829898\" />\n    </keyStore>";
        Fields f = parse(adb("    user_keys=" + KEY + " user@laptop\n\n", xml.getBytes(StandardCharsets.UTF_8)), new ArrayList<>());
        assertThat(f.string("keystore_format")).isEqualTo("xml");
        assertThat(AdbTrustedKey.of(f)).singleElement().satisfies(k -> {
            assertThat(k.lastConnected()).isEqualTo(1628501829898L);
            assertThat(k.user()).isEqualTo("user@laptop");
        });
    }

    @Test
    void decodesAnAndroidBinaryXmlKeystore() throws Exception {
        Fields f = parse(adb("    connected_to_adb=false\n", abx(KEY + " examiner@lab", 1700000000000L)), new ArrayList<>());
        assertThat(f.string("keystore_format")).isEqualTo("abx");
        assertThat(AdbTrustedKey.of(f)).singleElement().satisfies(k -> {
            assertThat(k.key()).isEqualTo(KEY);
            assertThat(k.user()).isEqualTo("examiner@lab");
            assertThat(k.lastConnected()).isEqualTo(1700000000000L);
        });
    }

    @Test
    void reportsADamagedBinaryKeystoreAndStillKeepsTheRest() throws Exception {
        byte[] abx = abx(KEY + " a@b", 1L);
        byte[] damaged = java.util.Arrays.copyOf(abx, abx.length - 12);
        List<String> problems = new ArrayList<>();
        Fields f = parse(adb("    connected_to_adb=true\n", damaged), problems);
        assertThat(f.string("connected_to_adb")).isEqualTo("true");
        assertThat(f.get("keystore")).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("line 104: the ADB keystore (abx,")
                .contains("could not be decoded (the bytes end too early)"));
    }

    @Test
    void saysWhenTheServiceIsMissingOrHasNoDebuggingManager() {
        List<String> problems = new ArrayList<>();
        assertThat(parse("Can't find service: adb\n".getBytes(StandardCharsets.UTF_8), problems)).isNull();
        assertThat(parse("{\n  other={\n  }\n}\n".getBytes(StandardCharsets.UTF_8), problems)).isNull();
        assertThat(problems).containsExactly("line 100: dumpsys adb is empty or the service was not found; no ADB state",
                "line 100: no debugging_manager in dumpsys adb; no ADB state");
    }
}
