package org.cotejo.forensics.ios.interactionc;

import static org.cotejo.forensics.ios.whatsapp.WhatsappIds.digits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.forensics.ios.whatsapp.WhatsappIds;
import org.cotejo.forensics.record.Fields;

/**
 * Who is behind the identifiers WhatsApp writes into interactionC ("…@lid", "…@s.whatsapp.net",
 * "+34…"), from the WhatsappContacts records: by LID, and by phone digits (of the number and of the
 * WhatsApp id).
 */
final class WhatsappIdentities {
    static final String BUNDLE_ID = "net.whatsapp.WhatsApp";

    /** A resolved person: "+<digits>" and a name, either of which may be null. */
    record Identity(String phone, String name) {}

    private final Map<String, Identity> byLid = new HashMap<>();
    private final Map<String, Identity> byPhone = new HashMap<>();

    /** The contacts are WhatsappContacts' records, already in memory as a dependency's results. */
    static WhatsappIdentities from(List<Fields> contacts) {
        WhatsappIdentities ids = new WhatsappIdentities();
        for (Fields c : contacts) {
            String number = c.string("phone_number");
            String waId = c.string("whatsapp_id");
            String phoneDigits = number != null && !digits(number).isEmpty() ? digits(number)
                    : waId != null && waId.endsWith(WhatsappIds.PHONE_SUFFIX) ? digits(waId) : "";
            Identity identity = new Identity(phoneDigits.isEmpty() ? null : "+" + phoneDigits, name(c));
            String lid = c.string("lid");
            if (lid != null && !digits(lid).isEmpty()) ids.byLid.putIfAbsent(digits(lid), identity);
            if (!phoneDigits.isEmpty()) ids.byPhone.putIfAbsent(phoneDigits, identity);
            if (waId != null && waId.endsWith(WhatsappIds.PHONE_SUFFIX) && !digits(waId).isEmpty()) {
                ids.byPhone.putIfAbsent(digits(waId), identity);
            }
        }
        return ids;
    }

    private static String name(Fields c) {
        String full = c.string("full_name");
        if (full != null && !full.isBlank()) return full;
        String given = c.text("given_name").strip();
        String last = c.text("last_name").strip();
        String joined = (given + " " + last).strip();
        if (!joined.isEmpty()) return joined;
        for (String key : List.of("business_name", "user_name")) {
            String v = c.string(key);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    /** The person behind one identifier, or null: groups are nobody, unknown numbers are just their number. */
    Identity resolve(String identifier) {
        if (identifier == null || identifier.isBlank()) return null;
        String id = identifier.strip();
        if (id.endsWith(WhatsappIds.LID_SUFFIX)) return byLid.get(digits(id));
        if (id.endsWith(WhatsappIds.GROUP_SUFFIX)) return null;
        if (id.endsWith(WhatsappIds.PHONE_SUFFIX)) {
            String d = digits(id);
            if (d.isEmpty()) return null;
            return byPhone.getOrDefault(d, new Identity("+" + d, null));
        }
        if (id.startsWith("+")) return byPhone.get(digits(id));
        return null;
    }

    /** Sets {@code <prefix>_resolved_phone_number} and {@code _resolved_name} from the first candidate that resolves. */
    void resolveInto(Map<String, Object> fields, String prefix, String... candidateFields) {
        for (String field : candidateFields) {
            Object v = fields.get(field);
            Identity who = v == null ? null : resolve(v.toString());
            if (who != null) {
                fields.put(prefix + "_resolved_phone_number", who.phone());
                fields.put(prefix + "_resolved_name", who.name());
                return;
            }
        }
    }
}
