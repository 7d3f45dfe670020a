package org.cotejo.cases;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How an extraction was acquired, as the acquiring analyst declared it.
 *
 * @param by          who acquired it
 * @param at          when, in UTC (may be null when unknown)
 * @param offset      the local offset at the place of acquisition (e.g. +02:00), or null
 * @param method      "iTunes backup", "full filesystem (checkm8)", "sysdiagnose"...
 * @param tool        tool used ("Finder", "iMazing", "AndroidQF")
 * @param toolVersion its version
 * @param notes       free text
 */
public record Acquisition(String by, Instant at, ZoneOffset offset, String method, String tool, String toolVersion, String notes) {
    public static final Acquisition UNKNOWN = new Acquisition(null, null, null, null, null, null, null);
}
