package org.cotejo.forensics.network.netlog;

import java.util.ArrayList;
import java.util.List;

/** One CSV line split into cells (RFC 4180 quoting within the line: {@code "a,b"}, {@code ""} for a quote). */
final class Csv {
    private Csv() {}

    /** The cells, or null when a quote is left open (a quoted line break is not supported: logs are line-based). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) return null;
        out.add(cell.toString());
        return out;
    }
}
