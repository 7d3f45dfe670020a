package org.cotejo.forensics.ios.interactionc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The four shapes of query over {@code interactionC.db}, newest schema first; the first one the
 * database accepts is used. The newest joins the sender, the attachments and the recipients (as in
 * the APOLLO project's interactionC queries); older iOS versions lack the attachment and recipient
 * join tables, then the recipient count and custom identifier columns.
 */
final class InteractionQueries {
    /** Output column and the SQL that reads it. */
    record Column(String name, String sql) {}

    /** Columns the record does not show; they only make the provenance locator precise. */
    static final String ATTACHMENT_PK = "_attachment_pk";
    static final String RECIPIENT_PK = "_recipient_pk";

    /** Mac-time columns, converted to MVT's time text. */
    static final Set<String> DATES = Set.of("start_date", "end_date", "interactions_creation_date", "contacts_creation_date",
            "first_incoming_recipient_date", "first_incoming_sender_date", "first_outgoing_recipient_date",
            "last_incoming_sender_date", "last_incoming_recipient_date", "last_outgoing_recipient_date");

    private static final String MAPPED_DIRECTION =
            "CASE ZINTERACTIONS.ZDIRECTION WHEN '0' THEN 'INCOMING' WHEN '1' THEN 'OUTGOING' END";
    // A contact never seen as recipient of an incoming interaction has 0 here; MVT keeps it as the text "0".
    private static final String LAST_INCOMING_RECIPIENT =
            "CASE ZCONTACTS.ZLASTINCOMINGRECIPIENTDATE WHEN '0' THEN '0' ELSE ZCONTACTS.ZLASTINCOMINGRECIPIENTDATE END";

    private static final String SENDER_ONLY_FROM = " FROM ZINTERACTIONS LEFT JOIN ZCONTACTS ON ZINTERACTIONS.ZSENDER = ZCONTACTS.Z_PK";
    private static final String FULL_FROM = SENDER_ONLY_FROM
            + " LEFT JOIN Z_1INTERACTIONS ON ZINTERACTIONS.Z_PK = Z_1INTERACTIONS.Z_3INTERACTIONS"
            + " LEFT JOIN ZATTACHMENT ON Z_1INTERACTIONS.Z_1ATTACHMENTS = ZATTACHMENT.Z_PK"
            + " LEFT JOIN Z_2INTERACTIONRECIPIENT ON ZINTERACTIONS.Z_PK = Z_2INTERACTIONRECIPIENT.Z_3INTERACTIONRECIPIENT"
            + " LEFT JOIN ZCONTACTS RECIPIENT ON Z_2INTERACTIONRECIPIENT.Z_2RECIPIENTS = RECIPIENT.Z_PK";

    private InteractionQueries() {}

    /** The variants in the order they are tried. */
    static List<String> variants() {
        return List.of(full(true), full(false), senderOnly(true), senderOnly(false));
    }

    /** Variant 1 (39 columns) with {@code newest}; variant 2 (36 columns, no photo id, group name, derived intent) without. */
    private static String full(boolean newest) {
        List<Column> c = new ArrayList<>();
        interaction(c);
        c.add(new Column("direction", MAPPED_DIRECTION));
        sender(c);
        c.add(new Column("recipient_display_name", "RECIPIENT.ZDISPLAYNAME"));
        c.add(new Column("recipient_identifier", "RECIPIENT.ZIDENTIFIER"));
        c.add(new Column("recipient_personid", "RECIPIENT.ZPERSONID"));
        c.add(new Column("recipient_count", "ZINTERACTIONS.ZRECIPIENTCOUNT"));
        c.add(new Column("domain_identifier", "ZINTERACTIONS.ZDOMAINIDENTIFIER"));
        c.add(new Column("is_response", "ZINTERACTIONS.ZISRESPONSE"));
        c.add(new Column("content", "ZATTACHMENT.ZCONTENTTEXT"));
        c.add(new Column("uti", "ZATTACHMENT.ZUTI"));
        c.add(new Column("attachment_content_url", "ZATTACHMENT.ZCONTENTURL"));
        c.add(new Column("size", "ZATTACHMENT.ZSIZEINBYTES"));
        if (newest) c.add(new Column("photo_local_id", "ZATTACHMENT.ZPHOTOLOCALIDENTIFIER"));
        c.add(new Column("attachment_id", "HEX(ZATTACHMENT.ZIDENTIFIER)"));
        c.add(new Column("cloud_id", "ZATTACHMENT.ZCLOUDIDENTIFIER"));
        contactCounts(c);
        contactDates(c);
        c.add(new Column("custom_id", "ZCONTACTS.ZCUSTOMIDENTIFIER"));
        c.add(new Column("interaction_content_url", "ZINTERACTIONS.ZCONTENTURL"));
        c.add(new Column("location_uuid", "ZINTERACTIONS.ZLOCATIONUUID"));
        if (newest) {
            c.add(new Column("group_name", "ZINTERACTIONS.ZGROUPNAME"));
            c.add(new Column("derivied_intent_id", "ZINTERACTIONS.ZDERIVEDINTENTIDENTIFIER"));
        }
        c.add(new Column("table_id", "ZINTERACTIONS.Z_PK"));
        c.add(new Column(ATTACHMENT_PK, "ZATTACHMENT.Z_PK"));
        c.add(new Column(RECIPIENT_PK, "RECIPIENT.Z_PK"));
        return select(c) + FULL_FROM + " ORDER BY ZINTERACTIONS.Z_PK, ZATTACHMENT.Z_PK, RECIPIENT.Z_PK";
    }

    /**
     * Variant 3 (27 columns) with {@code counts}; variant 4 (25 columns, no recipient count or custom id)
     * without. The raw direction is read and mapped afterwards; the mechanism is added. The behaviour
     * description gives the counts but not every column: the location UUID, newer than these schemas,
     * is the one left out here.
     */
    private static String senderOnly(boolean counts) {
        List<Column> c = new ArrayList<>();
        interaction(c);
        c.add(new Column("direction", "ZINTERACTIONS.ZDIRECTION"));
        sender(c);
        if (counts) c.add(new Column("recipient_count", "ZINTERACTIONS.ZRECIPIENTCOUNT"));
        c.add(new Column("domain_identifier", "ZINTERACTIONS.ZDOMAINIDENTIFIER"));
        c.add(new Column("is_response", "ZINTERACTIONS.ZISRESPONSE"));
        contactCounts(c);
        contactDates(c);
        if (counts) c.add(new Column("custom_id", "ZCONTACTS.ZCUSTOMIDENTIFIER"));
        c.add(new Column("interaction_content_url", "ZINTERACTIONS.ZCONTENTURL"));
        c.add(new Column("mechanism", "ZINTERACTIONS.ZMECHANISM"));
        c.add(new Column("table_id", "ZINTERACTIONS.Z_PK"));
        return select(c) + SENDER_ONLY_FROM + " ORDER BY ZINTERACTIONS.Z_PK";
    }

    private static void interaction(List<Column> c) {
        c.add(new Column("start_date", "ZINTERACTIONS.ZSTARTDATE"));
        c.add(new Column("end_date", "ZINTERACTIONS.ZENDDATE"));
        c.add(new Column("bundle_id", "ZINTERACTIONS.ZBUNDLEID"));
        c.add(new Column("account", "ZINTERACTIONS.ZACCOUNT"));
        c.add(new Column("target_bundle_id", "ZINTERACTIONS.ZTARGETBUNDLEID"));
    }

    private static void sender(List<Column> c) {
        c.add(new Column("sender_display_name", "ZCONTACTS.ZDISPLAYNAME"));
        c.add(new Column("sender_identifier", "ZCONTACTS.ZIDENTIFIER"));
        c.add(new Column("sender_personid", "ZCONTACTS.ZPERSONID"));
    }

    private static void contactCounts(List<Column> c) {
        c.add(new Column("incoming_recipient_count", "ZCONTACTS.ZINCOMINGRECIPIENTCOUNT"));
        c.add(new Column("incoming_sender_count", "ZCONTACTS.ZINCOMINGSENDERCOUNT"));
        c.add(new Column("outgoing_recipient_count", "ZCONTACTS.ZOUTGOINGRECIPIENTCOUNT"));
    }

    private static void contactDates(List<Column> c) {
        c.add(new Column("interactions_creation_date", "ZINTERACTIONS.ZCREATIONDATE"));
        c.add(new Column("contacts_creation_date", "ZCONTACTS.ZCREATIONDATE"));
        c.add(new Column("first_incoming_recipient_date", "ZCONTACTS.ZFIRSTINCOMINGRECIPIENTDATE"));
        c.add(new Column("first_incoming_sender_date", "ZCONTACTS.ZFIRSTINCOMINGSENDERDATE"));
        c.add(new Column("first_outgoing_recipient_date", "ZCONTACTS.ZFIRSTOUTGOINGRECIPIENTDATE"));
        c.add(new Column("last_incoming_sender_date", "ZCONTACTS.ZLASTINCOMINGSENDERDATE"));
        c.add(new Column("last_incoming_recipient_date", LAST_INCOMING_RECIPIENT));
        c.add(new Column("last_outgoing_recipient_date", "ZCONTACTS.ZLASTOUTGOINGRECIPIENTDATE"));
    }

    private static String select(List<Column> columns) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(columns.get(i).sql()).append(" AS ").append(columns.get(i).name());
        }
        return sql.toString();
    }
}
