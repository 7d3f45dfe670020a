package org.cotejo.core.observable;

/** File names and paths. STUB: to be completed. */
public final class FilePaths {
    private FilePaths() {}

    public static String normaliseFileName(String refanged) { return refanged; }

    public static String normalisePath(String refanged) { return refanged; }

    /** Last path segment. */
    public static String baseName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
