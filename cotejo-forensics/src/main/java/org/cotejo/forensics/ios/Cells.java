package org.cotejo.forensics.ios;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * SQLite cells as record values. iOS apps store some text columns as blobs (depending on the app
 * version, or after a sync) and some binary values (archived property lists, tokens) in blobs;
 * records are JSON, so no record keeps raw bytes.
 */
public final class Cells {
    private Cells() {}

    /** A blob read as UTF-8 text; any other cell as it is. */
    public static Object text(Object cell) {
        return cell instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : cell;
    }

    /** A blob read as UTF-8 text, any other cell as its text; null stays null. */
    public static String string(Object cell) {
        Object v = text(cell);
        return v == null ? null : v.toString();
    }

    /** A blob as base64 text (as MVT writes binary columns); any other cell as it is. */
    public static Object base64(Object cell) {
        return cell instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : cell;
    }
}
