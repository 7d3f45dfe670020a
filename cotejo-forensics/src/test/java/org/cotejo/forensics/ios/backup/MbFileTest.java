package org.cotejo.forensics.ios.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.backup.crypto.WrappedKey;
import org.cotejo.forensics.plist.KeyedArchiver;
import org.junit.jupiter.api.Test;

class MbFileTest {

    private static Map<String, Object> mbfile() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("LastModified", 1717236000L);
        f.put("Flags", 0L);
        f.put("GroupID", 501L);
        f.put("LastStatusChange", 1717236001L);
        f.put("Birth", 1717235999L);
        f.put("Size", 40960L);
        f.put("InodeNumber", 123456L);
        f.put("Mode", 0100644L);
        f.put("UserID", 501L);
        f.put("ProtectionClass", 3L);
        f.put("RelativePath", "Library/SMS/sms.db");
        return f;
    }

    @Test
    void decodesTheMetadataMvtReadsInItsOrder() {
        MbFile f = MbFile.decode(KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", mbfile())));
        assertThat(f.metadata().keys()).containsExactly("Birth", "LastModified", "LastStatusChange", "Mode", "UserID", "GroupID",
                "Size", "InodeNumber", "ProtectionClass", "Flags", "RelativePath");
        assertThat(f.metadata().get("Birth")).isEqualTo(1717235999L);
        assertThat(f.metadata().get("LastStatusChange")).isEqualTo(1717236001L);
        assertThat(f.metadata().get("Mode")).isEqualTo(33188L);
        assertThat(f.metadata().get("RelativePath")).isEqualTo("Library/SMS/sms.db");
        assertThat(f.size()).isEqualTo(40960L);
        assertThat(f.encryptionKey()).isNull();
    }

    @Test
    void exposesTheEncryptionKeyApartFromTheMetadata() {
        byte[] key = new byte[44];
        key[0] = 3;
        for (int i = 4; i < 44; i++) key[i] = (byte) i;
        Map<String, Object> fields = mbfile();
        fields.put("EncryptionKey", key);
        MbFile f = MbFile.decode(KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", fields)));
        assertThat(f.encryptionKey()).isEqualTo(WrappedKey.parse(key, "k"));
        assertThat(f.encryptionKey().protectionClass()).isEqualTo(3);
        assertThat(f.encryptionKey().wrapped()).hasSize(40).startsWith(4, 5, 6);
        assertThat(f.metadata().has("EncryptionKey")).isFalse();
    }

    @Test
    void datesOfVeryOldBackupsBecomeUnixSeconds() {
        Map<String, Object> fields = mbfile();
        fields.put("Birth", Instant.parse("2012-03-04T05:06:07Z"));
        fields.put("LastModified", Instant.parse("2012-03-04T05:06:07.5Z"));
        MbFile f = MbFile.decode(KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", fields)));
        assertThat(f.metadata().get("Birth")).isEqualTo(1330837567L);
        assertThat(f.metadata().get("LastModified")).isEqualTo(1330837567.5);
    }

    @Test
    void anUnreadableBlobHasNoMetadata() {
        assertThat(MbFile.metadataOrNull(new byte[] {'b', 'p', 'l', 'i', 's', 't', 0, 0, 1})).isNull();
        assertThat(MbFile.metadataOrNull(KeyedArchiver.archive("just a string"))).isNull();
        Map<String, Object> fields = mbfile();
        fields.put("EncryptionKey", new byte[7]);
        assertThatThrownBy(() -> MbFile.decode(KeyedArchiver.archive(new KeyedArchiver.Instance("MBFile", fields))))
                .isInstanceOf(CotejoException.class).hasMessageContaining("EncryptionKey is not a class-prefixed wrapped key (7 bytes)");
    }
}
