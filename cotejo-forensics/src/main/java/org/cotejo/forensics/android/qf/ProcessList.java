package org.cotejo.forensics.android.qf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cotejo.forensics.record.Fields;

/**
 * One line of {@code ps -A} output as Android's toybox prints it:
 * {@code USER PID PPID VSZ RSS WCHAN ADDR S NAME}, optionally preceded by an SELinux label
 * ({@code ps -AZ}, {@code u:r:init:s0}). Older builds leave the WCHAN column out. The record keeps
 * MVT's field names, including its spelling {@code aprocress} for the ADDR column.
 */
final class ProcessList {
    private ProcessList() {}

    /** The process on {@code line}, or an exception whose message says why it is not one. */
    static Fields parse(String line) {
        List<String> f = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        if (f.size() == 8) f.add(5, "");
        String label = "";
        if (!f.isEmpty() && f.get(0).startsWith("u:r")) label = f.remove(0);
        if (f.size() == 8) f.add(5, "");
        if (f.size() < 9) throw new IllegalArgumentException("only " + f.size() + " columns, a process line has 8 or 9");
        String name = String.join(" ", f.subList(8, f.size()));
        if (name.startsWith("[") && name.endsWith("]") && name.length() >= 2) name = name.substring(1, name.length() - 1);
        return Fields.builder()
                .put("user", f.get(0))
                .put("pid", number(f.get(1), "PID"))
                .put("ppid", number(f.get(2), "PPID"))
                .put("virtual_memory_size", number(f.get(3), "VSZ"))
                .put("resident_set_size", number(f.get(4), "RSS"))
                .put("wchan", f.get(5))
                .put("aprocress", f.get(6))
                .put("stat", f.get(7))
                .put("proc_name", name)
                .put("label", label)
                .build();
    }

    private static long number(String text, String column) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }
}
