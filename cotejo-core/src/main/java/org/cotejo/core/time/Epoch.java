package org.cotejo.core.time;

/** Time bases found in iOS and Android artifacts. STUB: to be completed. */
public enum Epoch {
    UNIX_SECONDS, UNIX_MILLIS, UNIX_MICROS, MAC_ABSOLUTE_SECONDS, MAC_ABSOLUTE_NANOS, WEBKIT_MICROS;
}
