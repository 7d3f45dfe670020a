package org.cotejo.correlation.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV record on one line (RFC 4180 quoting: a field in double quotes may hold commas and doubled
 * quotes, but not a line break). Enrichment files are read line by line so that every fact names its
 * line and a huge file streams; no field of these formats needs a line break, so the writer refuses
 * one rather than produce a record that spans lines.
 */
final class CsvLine {
    private CsvLine() {}

    /**
     * The fields of {@code line}, each stripped of surrounding white space (quoted or not, as JSON Lines
     * values are: space around a registrar's name or a subject means nothing).
     *
     * @throws IllegalArgumentException with the reason when a quote is left open or text follows a closing quote
     */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') i++;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                int open = i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("the quote opened at column " + (open + 1) + " is never closed");
                    char c = line.charAt(i++);
                    if (c != '"') b.append(c);
                    else if (i < n && line.charAt(i) == '"') {
                        b.append('"');
                        i++;
                    } else break;
                }
                while (i < n && line.charAt(i) == ' ') i++;
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text follows the closing quote at column " + i + "; quote the whole field");
                }
                fields.add(b.toString().strip());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= n) return fields;
            i++; // the comma
        }
    }

    /** A field as the writer puts it: quoted when it holds a comma or a quote, or starts with '#' (a comment mark). */
    static String quote(String field) {
        if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a line break cannot be written in an enrichment CSV field: '" + field + "'");
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.startsWith("#");
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
