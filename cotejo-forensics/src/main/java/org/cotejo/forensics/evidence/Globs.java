package org.cotejo.forensics.evidence;

import java.util.regex.Pattern;

/** Shell globs over extraction paths: '*' and '?' stay within one path segment; '[...]' is a class. */
public final class Globs {
    private Globs() {}

    public static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder(glob.length() * 2);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end);
                        if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                        re.append('[').append(cls.replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                }
                default -> {
                    if ("\\.^$+{}()|".indexOf(c) >= 0) re.append('\\');
                    re.append(c);
                }
            }
        }
        return Pattern.compile(re.toString());
    }

    /** The leading folders of a glob that contain no wildcard ("private/var/mobile" for "private/var/mobile/*.db"). */
    public static String literalPrefixFolder(String glob) {
        String[] parts = glob.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].matches(".*[*?\\[].*")) break;
            if (out.length() > 0) out.append('/');
            out.append(parts[i]);
        }
        if (parts.length > 0 && !glob.matches(".*[*?\\[].*")) return glob;
        return out.toString();
    }

    /** Whether {@code path} matches {@code glob}. */
    public static boolean matches(String glob, String path) {
        return toRegex(glob).matcher(path).matches();
    }
}
