package org.cotejo.forensics.ios.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File ids of iTunes/Finder backups: the SHA-1 of "domain-relativePath", stored at {@code id[0:2]/id}. */
public final class BackupFileIds {
    private BackupFileIds() {}

    public static String of(String domain, String relativePath) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((domain + "-" + relativePath).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** Where the file with this id is stored inside the backup folder. */
    public static String storagePath(String fileId) {
        return fileId.substring(0, 2) + "/" + fileId;
    }
}
