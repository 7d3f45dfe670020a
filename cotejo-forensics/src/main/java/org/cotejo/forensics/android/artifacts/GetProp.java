package org.cotejo.forensics.android.artifacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Android system properties as {@code getprop} prints them: {@code [name]: [value]}, one per line. Shared
 * by AndroidQF's {@code getprop.txt} and the bugreport's {@code SYSTEM PROPERTIES} block. Lines that do
 * not have that shape (and properties with an empty value) are skipped, as they carry nothing to check.
 */
public final class GetProp {
    private static final Pattern LINE = Pattern.compile("^\\[(.+?)]: \\[(.+?)]$");

    /** One property, with the 1-based line it was read from. */
    public record Property(String name, String value, long line) {}

    private GetProp() {}

    /** The properties of one listing, in file order. */
    public static List<Property> read(BufferedReader in) throws IOException {
        List<Property> out = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            Property p = parse(line, n);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** The property on one line, or null when the line is not a {@code [name]: [value]} pair. */
    public static Property parse(String line, long number) {
        Matcher m = LINE.matcher(line.strip());
        return m.matches() ? new Property(m.group(1), m.group(2), number) : null;
    }

    /**
     * The device's time zone ({@code persist.sys.timezone}) when it names a zone Java knows; empty
     * otherwise, and times read from the device are then device-local wall clock.
     */
    public static Optional<ZoneId> timeZone(List<Property> properties) {
        for (Property p : properties) {
            if (p.name().equals("persist.sys.timezone")) {
                try {
                    return Optional.of(ZoneId.of(p.value().strip()));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
