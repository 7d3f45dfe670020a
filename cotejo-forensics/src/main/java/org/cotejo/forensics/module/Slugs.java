package org.cotejo.forensics.module;

/** MVT's file-name stems: CamelCase class names in snake_case ("InteractionC" → "interaction_c"). */
public final class Slugs {
    private static final java.util.Map<String, String> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private Slugs() {}

    /** The slug of a class name (remembered: modules ask for it for every record). */
    public static String of(String name) {
        return KNOWN.computeIfAbsent(name, Slugs::compute);
    }

    private static String compute(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
