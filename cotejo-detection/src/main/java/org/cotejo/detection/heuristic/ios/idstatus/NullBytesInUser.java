package org.cotejo.detection.heuristic.ios.idstatus;

import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * An Identity Services lookup of a user identifier with two NUL characters in it. Pegasus-era
 * iMessage exploitation looked up malformed accounts that left this pattern in the cache; an
 * ordinary phone number or Apple ID never contains NULs.
 *
 * <p>The records write each NUL as the four characters {@code \x00} (MVT's form); a raw NUL, from a
 * record built some other way, counts too. MVT checks only users that are not "mailto:" addresses
 * (those go to its e-mail indicator check instead) and only when indicators are loaded; Cotejo checks
 * every user on every run, because the pattern is suspicious whatever the prefix.
 */
public final class NullBytesInUser implements Heuristic {
    @Override public String id() { return "idstatus.null-bytes"; }
    @Override public String description() { return "Identity Services lookup of a user identifier containing NUL characters (Pegasus-era pattern)"; }
    @Override public Set<String> modules() { return Set.of("id_status_cache"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String user = f.string("user");
            if (user == null || !(user.contains("\\x00\\x00") || user.contains("\u0000\u0000"))) return;
            String message = "Found an ID Status Cache entry with suspicious patterns: " + user
                    + " (two NUL characters in a user looked up by " + f.text("package") + " on " + f.text("isodate")
                    + ", " + record.provenance().describe() + ")";
            // A raw NUL would cut or garble the message in terminals and reports: show it as MVT writes it.
            out.alert(new Alert(Level.HIGH, id(), message.replace("\u0000", "\\x00"), MvtTime.parse(f.string("isodate")), record));
        };
    }
}
