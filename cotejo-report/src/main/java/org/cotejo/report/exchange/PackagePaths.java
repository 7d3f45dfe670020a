package org.cotejo.report.exchange;

import java.util.Set;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;

/**
 * The rule for paths inside a package, applied when writing and again when verifying: relative,
 * '/'-separated, already normalised (no empty, "." or ".." segment), no drive letter, backslash or
 * control character, and not one of the manifest's own names. A path that breaks it could write or
 * read outside the package folder on the recipient's machine.
 */
final class PackagePaths {
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    private static final Set<String> RESERVED = Set.of(MANIFEST, SIGNATURE);
    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\:\\x00-\\x1f\\x7f]");

    private PackagePaths() {}

    /** Why {@code path} is not a valid package path, or null when it is. */
    static String problem(String path) {
        if (path == null || path.isEmpty()) return "is empty";
        if (path.startsWith("/")) return "is absolute";
        if (FORBIDDEN.matcher(path).find()) return "holds a backslash, colon or control character";
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) return "has an empty segment (a leading, trailing or doubled '/')";
            if (segment.equals("..")) return "leads out of the package ('..')";
            if (segment.equals(".")) return "is not normalised ('.')";
        }
        if (RESERVED.contains(path)) return "is the manifest's own name";
        return null;
    }

    /** @throws CotejoException naming the path when it breaks the rule */
    static String check(String path, String context) {
        String problem = problem(path);
        if (problem != null) throw new CotejoException(context + ": the path '" + CotejoException.printable(String.valueOf(path)) + "' " + problem);
        return path;
    }
}
