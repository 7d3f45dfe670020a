package org.cotejo.forensics.ios.whatsapp;

/**
 * WhatsApp identifiers: JIDs such as "34600111222@s.whatsapp.net" (a phone number), "…@g.us" (a group)
 * and "…@lid" (an anonymous id standing for a number), and phone numbers as the app stores them.
 */
public final class WhatsappIds {
    public static final String PHONE_SUFFIX = "@s.whatsapp.net";
    public static final String GROUP_SUFFIX = "@g.us";
    public static final String LID_SUFFIX = "@lid";

    private WhatsappIds() {}

    /** The digits before any "@": "201234@lid" → "201234", "+34 600 11" → "3460011". */
    public static String digits(String id) {
        int at = id.indexOf('@');
        String local = at < 0 ? id : id.substring(0, at);
        StringBuilder out = new StringBuilder(local.length());
        for (int i = 0; i < local.length(); i++) if (Character.isDigit(local.charAt(i))) out.append(local.charAt(i));
        return out.toString();
    }

    /** Whether {@code id} is a WhatsApp JID (never an e-mail address, although it has an '@'). */
    public static boolean isJid(String id) {
        return id.endsWith(PHONE_SUFFIX) || id.endsWith(GROUP_SUFFIX) || id.endsWith(LID_SUFFIX);
    }
}
