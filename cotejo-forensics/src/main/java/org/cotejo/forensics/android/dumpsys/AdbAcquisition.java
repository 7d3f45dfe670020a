package org.cotejo.forensics.android.dumpsys;

import java.time.Instant;

/**
 * What an AndroidQF acquisition says about itself ({@code acquisition.json}): when it started and the
 * public key of the computer that ran it. Attached by the AndroidQF opener to the bugreport it holds, so
 * the trusted ADB keys can be told apart from the examiner's own.
 *
 * @param started       when the acquisition started, or null when it does not say
 * @param hostPublicKey the acquiring computer's {@code adbkey.pub} line ("BASE64 user@host"), or null
 */
public record AdbAcquisition(Instant started, String hostPublicKey) {}
