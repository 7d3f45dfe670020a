package org.cotejo.forensics.ios.whatsapp;

import static org.cotejo.forensics.ios.whatsapp.WhatsappIds.digits;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.ios.Cells;
import org.cotejo.forensics.ios.IosTime;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.sqlite.EvidenceDatabase;

/**
 * The two kinds of {@link Whatsapp} record that are not messages: LID-to-phone-number pairs (WhatsApp
 * shows some chats only by an anonymous "…@lid" id; these pairs say whose number it is) and chat
 * sessions (who a chat was with, when it started and ended, how many messages are still stored).
 */
final class WhatsappChats {
    static final String LID_PAIR = "lid_phone_number_pair";
    static final String CHAT_SESSION = "chat_session";

    private static final String PAIRS = "SELECT Z_PK, ZLID, ZPHONENUMBER, ZTIMESTAMP FROM ZWAPHONENUMBERLIDPAIR ORDER BY Z_PK";
    private static final String SESSIONS = "SELECT s.Z_PK, s.ZCONTACTJID, s.ZPARTNERNAME, s.ZSESSIONTYPE, s.ZARCHIVED, "
            + "s.ZREMOVED, s.ZMESSAGECOUNTER, s.ZLASTMESSAGEDATE, g.ZCREATIONDATE, MIN(m.ZMESSAGEDATE), MAX(m.ZMESSAGEDATE), "
            + "COUNT(m.Z_PK) FROM ZWACHATSESSION s LEFT JOIN ZWAGROUPINFO g ON g.Z_PK = s.ZGROUPINFO "
            + "LEFT JOIN ZWAMESSAGE m ON m.ZCHATSESSION = s.Z_PK GROUP BY s.Z_PK ORDER BY s.Z_PK";

    private WhatsappChats() {}

    /**
     * Emits the LID pairs, from LID.sqlite when there is one, else from the same table in ChatStorage,
     * and returns them as LID digits → phone digits. The map is kept in memory because the chat
     * sessions read next need it; it holds one short entry per paired contact.
     */
    static Map<String, String> lidPairs(ModuleContext ctx, SourceFile chatStorage, EvidenceDatabase chats, SourceFile lidFile)
            throws IOException {
        Map<String, String> lidToPhone = new HashMap<>();
        if (lidFile != null) {
            try (EvidenceDatabase lids = ctx.database(lidFile)) {
                if (lids.hasTable("ZWAPHONENUMBERLIDPAIR")) {
                    pairs(ctx, lidFile, lids, lidToPhone);
                } else {
                    ctx.problem(lidFile, "no ZWAPHONENUMBERLIDPAIR table; LID pairs skipped");
                }
                lids.problems().forEach(p -> ctx.problem(lidFile, p));
                return lidToPhone;
            } catch (CotejoException e) {
                ctx.problem(lidFile, e.getMessage() + "; LID pairs read from ChatStorage.sqlite instead");
            }
        }
        if (chats.hasTable("ZWAPHONENUMBERLIDPAIR")) pairs(ctx, chatStorage, chats, lidToPhone);
        return lidToPhone;
    }

    private static void pairs(ModuleContext ctx, SourceFile file, EvidenceDatabase db, Map<String, String> lidToPhone) {
        try {
            db.rows(PAIRS, row -> {
                String lid = Cells.string(EvidenceDatabase.cell(row, 2));
                String phone = Cells.string(EvidenceDatabase.cell(row, 3));
                Object when = EvidenceDatabase.cell(row, 4);
                Fields f = Fields.builder()
                        .put("record_type", LID_PAIR)
                        .put("lid", lid)
                        .put("phone_number", phone)
                        .put("pair_timestamp", when == null ? null : IosTime.macIso(when))
                        .build();
                if (lid != null && phone != null) lidToPhone.put(digits(lid), digits(phone));
                ctx.emit(f, ctx.provenance(file, "ZWAPHONENUMBERLIDPAIR Z_PK " + row.getLong(1)));
            });
        } catch (SQLException e) {
            ctx.problem(file, "LID pairs unreadable (" + e.getMessage() + "); skipped");
        }
    }

    static void sessions(ModuleContext ctx, SourceFile file, EvidenceDatabase db, Map<String, String> lidToPhone) {
        if (!db.hasTable("ZWACHATSESSION")) return;
        try {
            db.rows(SESSIONS, row -> {
                String jid = Cells.string(EvidenceDatabase.cell(row, 2));
                String resolved = null;
                if (jid != null && jid.endsWith(WhatsappIds.LID_SUFFIX) && lidToPhone.containsKey(digits(jid))) {
                    resolved = "+" + lidToPhone.get(digits(jid));
                }
                Fields f = Fields.builder()
                        .put("record_type", CHAT_SESSION)
                        .put("session_pk", row.getLong(1))
                        .put("contact_jid", jid)
                        .put("partner_name", Cells.string(EvidenceDatabase.cell(row, 3)))
                        .put("session_type", EvidenceDatabase.cell(row, 4))
                        .put("archived", EvidenceDatabase.cell(row, 5))
                        .put("removed", EvidenceDatabase.cell(row, 6))
                        .put("message_counter", EvidenceDatabase.cell(row, 7))
                        .put("last_message_date", iso(EvidenceDatabase.cell(row, 8)))
                        .put("group_creation_date", iso(EvidenceDatabase.cell(row, 9)))
                        .put("first_stored_message_date", iso(EvidenceDatabase.cell(row, 10)))
                        .put("last_stored_message_date", iso(EvidenceDatabase.cell(row, 11)))
                        .put("stored_message_count", EvidenceDatabase.cell(row, 12))
                        .put("partner_resolved_phone_number", resolved)
                        .build();
                ctx.emit(f, ctx.provenance(file, "ZWACHATSESSION Z_PK " + row.getLong(1)));
            });
        } catch (SQLException e) {
            ctx.problem(file, "WhatsApp chat sessions unreadable (" + e.getMessage() + "); skipped");
        }
    }

    static List<TimelineEvent> timeline(String module, Fields r) {
        List<TimelineEvent> out = new ArrayList<>(3);
        if (LID_PAIR.equals(r.string("record_type"))) {
            add(out, module, r.string("pair_timestamp"), "lid_pair_recorded",
                    "WhatsApp associated LID " + r.text("lid") + " with phone number " + r.text("phone_number"));
            return out;
        }
        if (!CHAT_SESSION.equals(r.string("record_type"))) return out;
        String jid = r.text("contact_jid");
        boolean group = jid.endsWith(WhatsappIds.GROUP_SUFFIX) || r.string("group_creation_date") != null && !r.text("group_creation_date").isEmpty();
        String chat = group
                ? "WhatsApp group chat '" + r.text("partner_name") + "' (" + jid + ")"
                : "WhatsApp chat with '" + r.text("partner_name") + "' ("
                        + (r.string("partner_resolved_phone_number") != null ? r.string("partner_resolved_phone_number") : jid) + ")";
        if (group) add(out, module, r.string("group_creation_date"), "group_created", chat);
        add(out, module, r.string("first_stored_message_date"), "chat_first_message", chat);
        String last = r.string("last_message_date");
        add(out, module, MvtTime.parse(last) != null ? last : r.string("last_stored_message_date"), "chat_last_message", chat);
        return out;
    }

    /** Adds the event at {@code iso} (MVT time text) when that is a time; WhatsappContacts uses it too. */
    static void add(List<TimelineEvent> out, String module, String iso, String event, String data) {
        Instant at = MvtTime.parse(iso);
        if (at != null) out.add(new TimelineEvent(at, module, event, data));
    }

    private static String iso(Object macTime) {
        return macTime == null ? null : IosTime.macIso(macTime);
    }
}
