package org.cotejo.forensics.android.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
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

/**
 * SMS and MMS messages from an Android backup: the telephony provider's {@code *_sms_backup} and
 * {@code *_mms_backup} files, each a zlib-compressed JSON array of messages (behaviour doc §8.5), with
 * the links in their text. Named AndroidSMS (slug {@code android_sms}) because the iOS module owns "SMS".
 *
 * <p>Two readings differ from MVT's, on purpose: MMS dates are seconds since 1970 (the telephony
 * provider stores MMS dates in seconds and SMS dates in milliseconds; MVT divides both by 1000 and dates
 * MMS in January 1970), and {@code direction} comes from the message box Android files the message in
 * ({@code type} for SMS, {@code msg_box} for MMS), because {@code date_sent} — what MVT reads — is also
 * set on received messages (the sender's time) and is 0 on unsent outgoing ones. MVT's rule is kept for
 * messages without a box.
 */
public final class AndroidSms implements ArtifactModule {
    static final String FOLDER = "apps/com.android.providers.telephony/d_f/";
    static final Location SMS_BACKUPS = Location.fs(FOLDER + "*_sms_backup");
    static final Location MMS_BACKUPS = Location.fs(FOLDER + "*_mms_backup");
    /** MMS address types (PDU header field codes): who sent an MMS, who it went to. */
    private static final long MMS_FROM = 137;
    private static final long MMS_TO = 151;

    @Override public String name() { return "AndroidSMS"; }
    @Override public String slug() { return "android_sms"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROID_BACKUP); }
    @Override public TraceClass trace() { return TraceClass.DELIVERY; }
    @Override public String description() { return "SMS and MMS messages in an Android backup (telephony provider): senders, text, links"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        for (SourceFile file : ctx.locate(SMS_BACKUPS)) {
            MessageArray.read(ctx, file, (i, message) -> ctx.emit(record(message, false), ctx.provenance(file, MessageArray.locator(i))));
        }
        for (SourceFile file : ctx.locate(MMS_BACKUPS)) {
            MessageArray.read(ctx, file, (i, message) -> ctx.emit(record(message, true), ctx.provenance(file, MessageArray.locator(i))));
        }
    }

    /** The message's own fields (an MMS's {@code mms_body} renamed {@code body}), then isodate, direction and links. */
    static Fields record(Map<String, Object> message, boolean mms) {
        Fields.Builder f = Fields.builder();
        message.forEach((k, v) -> f.put(mms && k.equals("mms_body") ? "body" : k, v));
        Fields raw = Fields.of(message);
        f.put("isodate", MvtTime.format(date(raw.longValue("date"), mms)));
        f.put("direction", direction(raw, mms ? "msg_box" : "type"));
        String body = raw.string(mms ? "mms_body" : "body");
        f.put("links", Links.in(body));
        return f.build();
    }

    /** MMS dates are seconds since 1970, SMS dates milliseconds; a value no clock can hold gives no time. */
    private static Instant date(Long value, boolean mms) {
        if (value == null) return null;
        try {
            return mms ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Android's message boxes: 1 inbox; 2 sent, 4 outbox, 5 failed, 6 queued (SMS only); 3 draft. */
    private static String direction(Fields m, String boxField) {
        Long box = m.longValue(boxField);
        if (box != null) {
            if (box == 1) return "received";
            if (box == 2 || box == 4 || box == 5 || box == 6) return "sent";
            if (box == 3) return "draft";
        }
        Long sent = m.longValue("date_sent");
        return sent != null && sent != 0 ? "sent" : "received";
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        List<String> links = r.strings("links");
        if (links.isEmpty()) {
            // records read back from MVT's JSON may have links null; the text is then searched again
            links = new ArrayList<>(Links.in(r.string("body")));
            links.addAll(Links.in(r.string("text")));
        }
        o.urls("links", links);
        String address = r.string("address");
        if (address != null && address.contains("@")) o.add(ObservableType.EMAIL, "address", address);
        List<?> addresses = r.list("mms_addresses");
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i) instanceof Map<?, ?> a && a.get("address") instanceof String s && s.contains("@")) {
                o.add(ObservableType.EMAIL, "mms_addresses[" + i + "].address", s);
            }
        }
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant when = MvtTime.parse(r.string("isodate"));
        if (when == null) return List.of();
        boolean mms = r.has("mms_addresses") || r.has("m_type");
        String direction = r.text("direction");
        String party = mms ? mmsParty(r, direction.equals("received")) : r.text("address");
        String data = (mms ? "MMS " : "SMS ") + (direction.equals("received") ? "from " : "to ") + (party.isEmpty() ? "unknown" : party)
                + ": \"" + r.text("body").replace("\n", "\\n") + "\"";
        String event = switch (direction) {
            case "sent" -> "sms_sent";
            case "draft" -> "sms_draft";
            default -> "sms_received";
        };
        return List.of(new TimelineEvent(when, slug(), event, data));
    }

    /** The sender of a received MMS, or the recipients of a sent one, from its address list. */
    private static String mmsParty(Fields r, boolean received) {
        List<String> out = new ArrayList<>();
        for (Object o : r.list("mms_addresses")) {
            if (o instanceof Map<?, ?> a && a.get("address") != null
                    && String.valueOf(a.get("type")).equals(String.valueOf(received ? MMS_FROM : MMS_TO))) {
                out.add(String.valueOf(a.get("address")));
            }
        }
        if (out.isEmpty()) return String.join(", ", r.strings("recipients"));
        return String.join(", ", out);
    }
}
