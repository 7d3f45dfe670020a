package org.cotejo.forensics.ios;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links in message text, found the way MVT finds them: "http(s)://" up to the next whitespace. */
public final class Links {
    private static final Pattern LINK = Pattern.compile("(?i)https?://\\S+");

    private Links() {}

    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        Matcher m = LINK.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
