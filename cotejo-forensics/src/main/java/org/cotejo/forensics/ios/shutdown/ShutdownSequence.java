package org.cotejo.forensics.ios.shutdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line state machine of MVT's shutdown.log reader, fed one line at a time. iOS writes, at each
 * shutdown, the processes still running ("remaining client pid: N (path)"), then every few seconds
 * "After Xs, these clients are still here:" with those that still have not exited, then a
 * "SIGTERM: [unix time]" line. Each process seen since the last SIGTERM becomes one entry, carrying
 * the total delay and the number of delay lines before it was last listed.
 */
final class ShutdownSequence {
    private static final String CLIENT = "remaining client pid:";
    private static final Pattern AFTER = Pattern.compile("^After\\s+([0-9]+(?:\\.[0-9]+)?)s");
    private static final Pattern BRACKETED_TIME = Pattern.compile("\\[([0-9]+(?:\\.[0-9]+)?)]");
    private static final Pattern AT_TIME = Pattern.compile("@([0-9]{10})");

    /** One process listed at a shutdown; {@code pid} is a number when the log wrote one. */
    record Client(Object pid, String client, double delay, long timesDelayed, int firstLine) {
        Client firstSeenAt(int line) {
            return new Client(pid, client, delay, timesDelayed, line);
        }
    }

    /** What the sequence finds. */
    interface Sink {
        /** A SIGTERM line ended a shutdown; {@code unixTime} is 0 when the line carries no time. */
        void shutdown(BigDecimal unixTime, int sigtermLine, List<Client> clients);

        /** A line that looked like one of ours but could not be read. */
        void unreadable(int line, String why);
    }

    private final Sink sink;
    private final Map<String, Client> current = new LinkedHashMap<>();
    private final Map<String, Client> recent = new LinkedHashMap<>();
    private double delay;
    private long timesDelayed;
    private boolean recognisedAny;

    ShutdownSequence(Sink sink) {
        this.sink = sink;
    }

    void line(int number, String raw) {
        String line = raw.strip();
        if (line.startsWith(CLIENT)) {
            recognisedAny = true;
            client(number, line.substring(CLIENT.length()).strip());
        } else if (line.startsWith("After ")) {
            recognisedAny = true;
            Matcher m = AFTER.matcher(line);
            if (!m.find()) {
                sink.unreadable(number, "delay line without a number of seconds, ignored: " + line);
                return;
            }
            moveCurrentToRecent();
            delay += Double.parseDouble(m.group(1));
            timesDelayed++;
        } else if (line.startsWith("SIGTERM")) {
            recognisedAny = true;
            moveCurrentToRecent();
            if (!recent.isEmpty()) sink.shutdown(time(line), number, new ArrayList<>(recent.values()));
            recent.clear();
            delay = 0;
            timesDelayed = 0;
        }
    }

    /** The processes listed after the last SIGTERM line (a log cut short); empty after a complete log. */
    List<Client> unfinished() {
        moveCurrentToRecent();
        return new ArrayList<>(recent.values());
    }

    boolean recognisedAny() { return recognisedAny; }

    private void client(int number, String rest) {
        int space = rest.indexOf(' ');
        String pidText = space < 0 ? rest : rest.substring(0, space);
        String path = space < 0 ? "" : rest.substring(space + 1).strip();
        if (path.startsWith("(") && path.endsWith(")")) path = path.substring(1, path.length() - 1);
        Object pid = pidText.matches("[0-9]{1,18}") ? (Object) Long.parseLong(pidText) : pidText;
        Client c = new Client(pid, path, delay, timesDelayed, number);
        current.merge(pid + " " + path, c, (old, now) -> now.firstSeenAt(old.firstLine()));
    }

    /** A process listed again keeps its place and first line, and takes the later delay. */
    private void moveCurrentToRecent() {
        current.forEach((key, c) -> recent.merge(key, c, (old, now) -> now.firstSeenAt(old.firstLine())));
        current.clear();
    }

    /** "SIGTERM: [1689167482] …", else a 10-digit "@1689167482", else 0 (no time), as MVT reads it. */
    private static BigDecimal time(String line) {
        Matcher m = BRACKETED_TIME.matcher(line);
        if (m.find()) return new BigDecimal(m.group(1));
        m = AT_TIME.matcher(line);
        if (m.find()) return new BigDecimal(m.group(1));
        return BigDecimal.ZERO;
    }
}
