package org.cotejo.forensics.ios.shortcuts;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cotejo.forensics.ios.Links;
import org.cotejo.forensics.plist.PlistValues;

/**
 * A shortcut's actions as stored in {@code ZSHORTCUTACTIONS.ZDATA}: a property list array of
 * {@code {WFWorkflowActionIdentifier, WFWorkflowActionParameters}} dictionaries.
 */
final class ActionData {
    private ActionData() {}

    /** The actions as record values ({@link PlistValues#json}: data as base64, dates as MVT time text). */
    static List<Object> parsedActions(NSArray actions) {
        List<Object> out = new ArrayList<>(actions.count());
        for (NSObject a : actions.getArray()) out.add(PlistValues.json(a));
        return out;
    }

    /**
     * Links in the actions' parameters, each once, in order. Every text value of the parameters is
     * searched (MVT searches the printed form of the parameter dictionary, which is why it strips a
     * trailing quote or comma; searching the values themselves needs no such repair, the stripping is
     * kept for links that really end so).
     */
    static List<String> actionUrls(NSArray actions) {
        Set<String> out = new LinkedHashSet<>();
        for (NSObject a : actions.getArray()) {
            if (a instanceof NSDictionary d && d.get("WFWorkflowActionParameters") != null) {
                collect(d.get("WFWorkflowActionParameters"), out);
            }
        }
        return new ArrayList<>(out);
    }

    private static void collect(NSObject o, Set<String> out) {
        if (o instanceof NSString s) {
            for (String link : Links.in(s.getContent())) out.add(stripTrailing(link));
        } else if (o instanceof NSArray a) {
            for (NSObject x : a.getArray()) collect(x, out);
        } else if (o instanceof NSDictionary d) {
            for (NSObject x : d.getHashMap().values()) collect(x, out);
        }
    }

    private static String stripTrailing(String link) {
        int end = link.length();
        while (end > 0 && (link.charAt(end - 1) == '\'' || link.charAt(end - 1) == ',')) end--;
        return link.substring(0, end);
    }
}
