package org.cotejo.core.observable;

import java.util.ArrayList;
import java.util.List;

/**
 * File names and paths, kept case-sensitive as found (iOS and Android file systems are
 * case-sensitive where implants live).
 *
 * <p>Relative paths are accepted and stay relative: iOS backups name files by domain and relative
 * path ({@code Library/SMS/sms.db}), and adding a leading '/' would invent a location the evidence
 * does not state. {@code private/var/x} and {@code /private/var/x} are therefore different values.
 */
public final class FilePaths {
    private FilePaths() {}

    public static String normaliseFileName(String refanged) {
        if (refanged.isEmpty()) throw new IllegalArgumentException("is empty");
        rejectControlCharacters(refanged);
        if (refanged.indexOf('/') >= 0) throw new IllegalArgumentException("contains '/'; a file name is one path segment, use file-path");
        if (refanged.equals(".") || refanged.equals("..")) throw new IllegalArgumentException("'" + refanged + "' is not a file name");
        return refanged;
    }

    /**
     * Collapses repeated '/', removes '.' segments and a trailing '/' (except for the root). A '..'
     * segment is rejected rather than resolved: through a symbolic link it may not mean the parent.
     */
    public static String normalisePath(String refanged) {
        if (isCanonicalPath(refanged)) return refanged;
        if (refanged.isEmpty()) throw new IllegalArgumentException("is empty");
        rejectControlCharacters(refanged);
        boolean absolute = refanged.startsWith("/");
        List<String> segments = new ArrayList<>();
        for (String segment : refanged.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) throw new IllegalArgumentException("has a '..' segment; give the resolved path");
            segments.add(segment);
        }
        String joined = String.join("/", segments);
        if (absolute) return "/" + joined;
        if (joined.isEmpty()) throw new IllegalArgumentException("has no path segments");
        return joined;
    }

    /**
     * True for printable ASCII whose segments are all non-empty and neither '.' nor '..' (after a
     * leading '/'): the path normalises to itself, as nearly every path in a file listing does.
     */
    private static boolean isCanonicalPath(String s) {
        int n = s.length();
        int segment = n > 0 && s.charAt(0) == '/' ? 1 : 0;
        if (segment == n) return false;
        for (int i = segment; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '/';
            if (c == '/') {
                int length = i - segment;
                if (length == 0) return false;
                if (s.charAt(segment) == '.' && (length == 1 || (length == 2 && s.charAt(segment + 1) == '.'))) return false;
                segment = i + 1;
            } else if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Last path segment. */
    public static String baseName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /**
     * True when the normalised {@code path} is {@code directory} itself or lies inside it, segment by
     * segment: {@code /var/foo} contains {@code /var/foo/bar} but not {@code /var/foobar}.
     */
    public static boolean isUnder(String path, String directory) {
        if (path.equals(directory)) return true;
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return path.startsWith(prefix);
    }

    private static void rejectControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) throw new IllegalArgumentException("contains a NUL character");
            if (Character.isISOControl(c)) throw new IllegalArgumentException("contains a control character");
        }
    }
}
