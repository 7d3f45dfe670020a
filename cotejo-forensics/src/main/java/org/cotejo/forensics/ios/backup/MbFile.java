package org.cotejo.forensics.ios.backup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cotejo.core.CotejoException;
import org.cotejo.core.time.Epoch;
import org.cotejo.forensics.ios.backup.crypto.WrappedKey;
import org.cotejo.forensics.plist.KeyedArchive;
import org.cotejo.forensics.record.Fields;

/**
 * The MBFile archived in the {@code file} blob of a Manifest.db row: the file's metadata, under the keys
 * MVT reads (Birth, LastModified, LastStatusChange as Unix seconds; Mode, UserID, GroupID, Size,
 * InodeNumber, ProtectionClass, Flags; RelativePath and, for links, Target), and for encrypted backups
 * the file's wrapped key, which is kept out of the metadata.
 *
 * @param metadata      the MBFile's values as JSON-like fields
 * @param encryptionKey the file's key, or null when the backup is not encrypted or the entry has none
 */
public record MbFile(Fields metadata, WrappedKey encryptionKey) {
    /** The keys first in the metadata, in this order; any other scalar key follows in name order. */
    private static final List<String> KNOWN = List.of("Birth", "LastModified", "LastStatusChange", "Mode", "UserID",
            "GroupID", "Size", "InodeNumber", "ProtectionClass", "Flags", "RelativePath", "Target");

    /**
     * Decodes a blob.
     *
     * @throws CotejoException when it is not an NSKeyedArchiver archive of an object, or its EncryptionKey
     *                         is malformed
     */
    public static MbFile decode(byte[] blob) {
        Object root = KeyedArchive.decode(blob, "Manifest.db file blob");
        if (!(root instanceof Map<?, ?> mbfile)) {
            throw new CotejoException("Manifest.db file blob: the archived root is not an MBFile object");
        }
        Fields.Builder b = Fields.builder();
        for (String key : KNOWN) {
            if (mbfile.containsKey(key)) put(b, key, mbfile.get(key));
        }
        Map<String, Object> others = new TreeMap<>();
        mbfile.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!KNOWN.contains(key) && (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Instant)) {
                others.put(key, v);
            }
        });
        others.forEach((k, v) -> put(b, k, v));
        WrappedKey key = null;
        Object ek = mbfile.get("EncryptionKey");
        if (ek instanceof byte[] data) key = WrappedKey.parse(data, "Manifest.db file blob EncryptionKey");
        else if (ek != null) throw new CotejoException("Manifest.db file blob: EncryptionKey is not data");
        return new MbFile(b.build(), key);
    }

    /** The metadata of a blob, or null when the blob cannot be read (the Manifest module reports it). */
    public static Fields metadataOrNull(byte[] blob) {
        try {
            return decode(blob).metadata();
        } catch (CotejoException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void put(Fields.Builder b, String key, Object v) {
        if (v instanceof Instant t) {
            // very old backups archive the times as dates; MVT's fields are Unix seconds either way
            BigDecimal s = Epoch.UNIX_SECONDS.fromInstant(t);
            b.put(key, s.scale() <= 0 ? (Object) s.longValueExact() : s.doubleValue());
        } else if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            b.put(key, v);
        }
        // data, lists and nested objects have no place in MVT's metadata
    }

    /** The Size the MBFile records, or null. */
    public Long size() { return metadata.longValue("Size"); }

    /** The ProtectionClass the MBFile records, or null. */
    public Long protectionClass() { return metadata.longValue("ProtectionClass"); }
}
