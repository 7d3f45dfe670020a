package org.cotejo.forensics.android.dumpsys;


/**
 * The {@code Non-Data Actions:} block of one resolver table of {@code dumpsys package}
 * ({@code Activity Resolver Table:} or {@code Receiver Resolver Table:}): intent lines ending in
 * {@code :} followed by {@code <hash> <package>/<component> …} lines, until the first blank line. An
 * intent header is recognised by shape (one token ending in {@code :}), not by its indentation, which
 * some vendors get wrong. Feeds {@code (intent, component)} pairs with their line numbers.
 */
final class ResolverTable implements DumpsysModule.SectionParser {
    /** Receives one component listed under an intent. */
    interface Sink {
        void component(String intent, String packageName, String component, long line);
    }

    private final String table;
    private final Sink sink;
    private boolean inTable;
    private boolean inActions;
    private String intent;

    ResolverTable(String table, Sink sink) {
        this.table = table;
        this.sink = sink;
    }

    @Override
    public boolean line(long number, String text) {
        String t = text.strip();
        if (!inTable) {
            inTable = text.startsWith(table);
            return true;
        }
        if (!inActions) {
            if (!t.isEmpty() && !Character.isWhitespace(text.charAt(0))) return false; // the next table: no actions here
            inActions = t.equals("Non-Data Actions:");
            return true;
        }
        if (t.isEmpty()) return false;
        String[] tokens = t.split("\\s+");
        if (tokens.length == 1 && t.endsWith(":")) {
            intent = t.substring(0, t.length() - 1);
        } else if (intent != null && tokens.length >= 2) {
            String c = tokens[1];
            int slash = c.indexOf('/');
            if (slash > 0) sink.component(intent, c.substring(0, slash), c.substring(slash + 1), number);
        }
        return true;
    }

}
