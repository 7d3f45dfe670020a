package org.cotejo.forensics.ios.chrome;

import java.math.BigDecimal;
import org.cotejo.core.time.Epoch;
import org.cotejo.forensics.record.MvtTime;

/** Chrome's time values: microseconds since 1601-01-01 UTC ("WebKit time"). */
final class ChromeTime {
    private ChromeTime() {}

    /**
     * MVT's text for a Chrome time, "" when there is none. Chrome writes 0 for "never" (a favicon never
     * refreshed); that is left empty rather than shown as 1601-01-01.
     */
    static String iso(Object value) {
        if (value == null) return "";
        try {
            BigDecimal v = new BigDecimal(value.toString().strip());
            return v.signum() == 0 ? "" : MvtTime.format(Epoch.WEBKIT_MICROS.toInstant(v));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
