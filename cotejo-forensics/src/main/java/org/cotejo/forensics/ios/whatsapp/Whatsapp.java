package org.cotejo.forensics.ios.whatsapp;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.ios.Links;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * WhatsApp ({@code ChatStorage.sqlite}): messages carrying links, which is how exploit links reach a
 * target; the phone numbers behind WhatsApp's anonymous LIDs; and one record per chat with its first
 * and last message. Messages without links are left out, as MVT does, except those with no text at all
 * (media, deleted or system messages), which are kept with an empty link list.
 *
 * <p>Every ChatStorage.sqlite found is read (WhatsApp and WhatsApp Business each have one), each with
 * the LID.sqlite of its own folder.
 */
public final class Whatsapp implements ArtifactModule {
    static final String DOMAIN = "AppDomainGroup-group.net.whatsapp.WhatsApp.shared";
    static final Location CHAT_STORAGE = Location.of(DOMAIN, "ChatStorage.sqlite",
            "private/var/mobile/Containers/Shared/AppGroup/*/ChatStorage.sqlite");
    static final Location LID_DB = Location.of(DOMAIN, "LID.sqlite",
            "private/var/mobile/Containers/Shared/AppGroup/*/LID.sqlite");

    /** WhatsApp's media CDN: every photo or voice note has such a link, so they say nothing about the sender. */
    private static final List<String> MEDIA_LINKS = List.of("https://mmg-fna.whatsapp.net/", "https://mmg.whatsapp.net/");
    private static final List<String> LINK_SOURCES = List.of("ZTEXT", "ZMATCHEDTEXT", "ZMEDIAURL", "ZCONTENT1", "ZCONTENT2");
    private static final String MESSAGES = "SELECT ZWAMESSAGE.*, ZWAMEDIAITEM.ZAUTHORNAME, ZWAMEDIAITEM.ZMEDIAURL, "
            + "ZWAMESSAGEDATAITEM.ZCONTENT1, ZWAMESSAGEDATAITEM.ZCONTENT2, ZWAMESSAGEDATAITEM.ZMATCHEDTEXT, "
            + "ZWAMESSAGEDATAITEM.ZSUMMARY, ZWAMESSAGEDATAITEM.ZTITLE FROM ZWAMESSAGE "
            + "LEFT JOIN ZWAMEDIAITEM ON ZWAMEDIAITEM.ZMESSAGE = ZWAMESSAGE.Z_PK "
            + "LEFT JOIN ZWAMESSAGEDATAITEM ON ZWAMESSAGEDATAITEM.ZMESSAGE = ZWAMESSAGE.Z_PK "
            + "ORDER BY ZWAMESSAGE.Z_PK";

    @Override public String name() { return "Whatsapp"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP, EvidenceKind.IOS_FS); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "WhatsApp (ChatStorage.sqlite): messages with links, LID-number pairs, chats"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> lidFiles = ctx.locate(LID_DB);
        // No table is required: a ChatStorage without messages may still hold LID pairs and chats.
        ctx.eachDatabase(CHAT_STORAGE, List.of(), "a WhatsApp ChatStorage.sqlite", (file, db) -> {
            if (!db.hasTable("ZWAMESSAGE")) {
                ctx.problem(file, "no ZWAMESSAGE table; WhatsApp messages skipped");
            } else {
                messages(ctx, file, db);
            }
            Map<String, String> lidToPhone = WhatsappChats.lidPairs(ctx, file, db, sibling(file, lidFiles));
            WhatsappChats.sessions(ctx, file, db, lidToPhone);
        });
    }

    /** The LID.sqlite in the same folder (or backup domain) as this ChatStorage.sqlite, if any. */
    private static SourceFile sibling(SourceFile chatStorage, List<SourceFile> lidFiles) {
        Path folder = Path.of(chatStorage.logical()).getParent();
        return lidFiles.stream().filter(l -> Objects.equals(Path.of(l.logical()).getParent(), folder)).findFirst().orElse(null);
    }

    private void messages(ModuleContext ctx, SourceFile file, EvidenceDatabase db) throws SQLException {
        try {
            db.rows(MESSAGES, row -> {
                Map<String, Object> cells = EvidenceDatabase.rowValues(row);
                String text = cells.get("ZTEXT") == null ? "" : cells.get("ZTEXT").toString();
                List<String> links = links(cells);
                if (links.isEmpty() && !text.isBlank()) return;
                Fields.Builder f = Fields.builder();
                for (var e : cells.entrySet()) f.put(e.getKey(), Cells.base64(e.getValue()));
                f.put("ZTEXT", text);
                f.put("isodate", IosTime.macIso(cells.get("ZMESSAGEDATE")));
                f.put("links", links);
                ctx.emit(f.build(), ctx.provenance(file, "ZWAMESSAGE Z_PK " + cells.get("Z_PK")));
            });
        } catch (SQLException e) {
            ctx.problem(file, "WhatsApp messages unreadable (" + e.getMessage() + "); messages skipped");
        }
    }

    /** Links of the text, link preview and media, without media CDN links, each once. */
    private static List<String> links(Map<String, Object> cells) {
        Set<String> out = new LinkedHashSet<>();
        for (String column : LINK_SOURCES) {
            Object v = cells.get(column);
            if (!(v instanceof String s)) continue;
            for (String link : Links.in(s)) {
                if (MEDIA_LINKS.stream().noneMatch(link::startsWith)) out.add(link);
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        return new Observations(trace()).urls("links", r.strings("links")).list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        String type = r.string("record_type");
        if (type != null) return WhatsappChats.timeline(slug(), r);
        Instant at = MvtTime.parse(r.string("isodate"));
        if (at == null) return List.of();
        String from = r.string("ZFROMJID") == null ? "Unknown" : r.string("ZFROMJID");
        String data = "'" + r.text("ZTEXT") + "' from " + from;
        List<String> links = r.strings("links");
        if (!links.isEmpty()) data += " - Embedded links: " + String.join(", ", links);
        return List.of(new TimelineEvent(at, slug(), "message", data));
    }
}
