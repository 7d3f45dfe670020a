package org.cotejo.detection.heuristic.ios.sms;

import java.util.List;
import java.util.Set;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;

/**
 * A received iMessage attachment stored in a temporary folder under a name ending in "-1". Messages
 * keeps attachments under {@code ~/Library/SMS/Attachments/}; zero-click iMessage exploits (Pegasus'
 * FORCEDENTRY among them) left their payload files in a scratch folder with such names instead.
 *
 * <p>MVT's description writes the folder as "/var(scratch)/", a placeholder for the scratch folder.
 * Cotejo reads it as the iOS temporary folders: {@code /var/tmp/} and the mobile user's
 * {@code /var/mobile/tmp/}, with or without the {@code /private} prefix, and {@code ~/tmp/} (the
 * mobile user's home written with "~"). Paths under {@code ~/Library/SMS/Attachments/} never match.
 */
public final class SuspiciousAttachment implements Heuristic {
    private static final List<String> SCRATCH_FOLDERS = List.of("/var/tmp/", "/var/mobile/tmp/");

    @Override public String id() { return "sms.suspicious-attachment"; }
    @Override public String description() { return "Received iMessage attachment left in a temporary folder under a name ending in -1, like zero-click exploit files"; }
    @Override public Set<String> modules() { return Set.of("sms_attachments"); }

    @Override
    public Session start(HeuristicContext context) {
        return (record, out) -> {
            Fields f = record.fields();
            String filename = f.string("filename");
            if (filename == null || !filename.endsWith("-1") || !"received".equals(f.string("direction"))) return;
            if (!inScratchFolder(filename)) return;
            String isodate = f.text("isodate");
            out.alert(new Alert(Level.MEDIUM, id(), "Suspicious iMessage attachment " + filename + " on " + isodate
                    + ": received from " + f.text("phone_number") + " and stored in a temporary folder with a name ending"
                    + " in -1, as zero-click exploit files were (" + record.provenance().describe() + ")",
                    MvtTime.parse(isodate), record));
        };
    }

    static boolean inScratchFolder(String filename) {
        String path = filename.startsWith("~/") ? "/var/mobile/" + filename.substring(2) : filename;
        if (path.startsWith("/private/")) path = path.substring("/private".length());
        for (String folder : SCRATCH_FOLDERS) if (path.startsWith(folder)) return true;
        return false;
    }
}
