package org.cotejo.forensics.android.qf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic bulk content of {@link AndroidQfBuilder#generate}: package {@code i} and file entry
 * {@code i}, with real digests of a fixed text (so hashes look and normalise like real ones).
 */
final class Generated {
    private Generated() {}

    static Pkg pkg(int i) {
        String name = "org.cotejo.generated.app" + i;
        String apk = "/data/app/~~gen" + i + "==/" + name + "-1/base.apk";
        Pkg p = Pkg.named(name).uid(10_000 + i).installer(i % 10 == 0 ? "null" : "com.android.vending")
                .apk(apk, digest("MD5", apk), digest("SHA-1", apk), digest("SHA-256", apk), digest("SHA-512", apk))
                .certificate(digest("MD5", "cert" + i), digest("SHA-1", "cert" + i), digest("SHA-256", "cert" + i));
        return i % 50 == 0 ? p.system() : p;
    }

    static FileItem file(int i) {
        String path = "/sdcard/Android/data/org.cotejo.generated.app" + (i % 2000) + "/files/f" + i + ".bin";
        long t = 1_690_000_000L + i;
        return FileItem.at(path).size(i % 100_000).times(t, t + 60, t + 120).context("u:object_r:sdcardfs:s0")
                .hashes(digest("MD5", path), digest("SHA-1", path), digest("SHA-256", path));
    }

    static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
