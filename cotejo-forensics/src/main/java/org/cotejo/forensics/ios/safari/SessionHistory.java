package org.cotejo.forensics.ios.safari;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.plist.Plists;

/**
 * The back/forward list of a Safari tab, stored in BrowserState.db's {@code session_data} blob: a
 * 4-byte header, then a binary property list whose {@code SessionHistory.SessionHistoryEntries} are
 * the pages the tab went through. Those pages matter because a tab's current URL hides the pages that
 * redirected to it.
 */
final class SessionHistory {
    private static final int HEADER = 4;

    private SessionHistory() {}

    /**
     * The entries in MVT's shape ({@code entry_title} holds the entry's original URL, as MVT writes it),
     * plus {@code entry_original_url} and {@code entry_page_title} under names that say what they are.
     *
     * @throws CotejoException when the blob is not a session property list
     */
    static List<Map<String, Object>> entries(byte[] blob, String where) {
        if (blob == null || blob.length == 0) return List.of();
        if (blob.length <= HEADER) throw new CotejoException(where + ": session_data is only " + blob.length + " bytes");
        NSObject root = Plists.parse(Arrays.copyOfRange(blob, HEADER, blob.length), where + " session_data");
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(root instanceof NSDictionary d) || !(d.get("SessionHistory") instanceof NSDictionary history)) return out;
        if (!(history.get("SessionHistoryEntries") instanceof NSArray list)) return out;
        for (NSObject o : list.getArray()) {
            if (!(o instanceof NSDictionary entry)) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            String original = text(entry.get("SessionHistoryEntryOriginalURL"));
            e.put("entry_title", original);
            e.put("entry_url", text(entry.get("SessionHistoryEntryURL")));
            e.put("data_length", entry.get("SessionHistoryEntryData") instanceof NSData data ? (long) data.length() : 0L);
            e.put("entry_original_url", original);
            e.put("entry_page_title", text(entry.get("SessionHistoryEntryTitle")));
            out.add(e);
        }
        return out;
    }

    private static String text(NSObject o) {
        if (o == null) return null;
        return o instanceof NSString s ? s.getContent() : o.toString();
    }
}
