package org.cotejo.forensics.evidence;

/**
 * How much an archive may expand to before Cotejo refuses it. An archive is evidence from an
 * adversarial world: a few kilobytes can declare terabytes (a "zip bomb"), so every archive is
 * measured against these caps before and while it is read.
 *
 * @param maxTotalBytes   the sum of the entries' uncompressed sizes (for a {@code .tar.gz}, the size of the
 *                        decompressed tar, headers included)
 * @param maxEntries      the number of entries, counting refused ones
 * @param maxRatio        the highest uncompressed/compressed ratio accepted for a large entry (deflate
 *                        tops out near 1032:1, and only for runs of one byte; other methods go far higher)
 * @param ratioFloorBytes entries (and gzip streams) smaller than this are not checked for their ratio:
 *                        small files of zeros compress extremely well and are harmless
 */
public record ArchiveLimits(long maxTotalBytes, long maxEntries, double maxRatio, long ratioFloorBytes) {
    /** 64 GiB, 5 million entries, ratio 1000 on entries of 1 GiB or more: above any phone dump seen so far. */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(64L << 30, 5_000_000, 1000, 1L << 30);

    public ArchiveLimits {
        if (maxTotalBytes <= 0 || maxEntries <= 0 || maxRatio <= 1 || ratioFloorBytes < 0) {
            throw new IllegalArgumentException("archive limits must be positive (ratio above 1)");
        }
    }

    /** Whether {@code uncompressed} bytes from {@code compressed} bytes is a ratio these limits refuse. */
    boolean ratioTooHigh(long uncompressed, long compressed) {
        if (uncompressed < ratioFloorBytes) return false;
        return compressed <= 0 || (double) uncompressed / compressed > maxRatio;
    }
}
