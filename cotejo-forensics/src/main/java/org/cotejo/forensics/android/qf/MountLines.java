package org.cotejo.forensics.android.qf;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cotejo.forensics.record.Fields;

/**
 * One line of {@code mount} output, {@code <device> on <mount point> type <fs> (<options>)}, as a record
 * with the facts the mount rules need: whether the mount point is a system partition, and whether it is
 * mounted read-write.
 */
final class MountLines {
    private static final Pattern LINE = Pattern.compile("^(\\S+) on (\\S+) type (\\S+) \\((.*)\\)\\s*$");
    /** Partitions that hold the signed system image; a mount point that is one of them or starts with one. */
    static final List<String> SYSTEM_PARTITIONS = List.of("/system", "/vendor", "/product", "/system_ext");

    private MountLines() {}

    /** The mount on {@code line}, or null when the line has another shape. */
    static Fields parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) return null;
        String mountPoint = m.group(2);
        String options = m.group(4);
        List<String> list = Arrays.stream(options.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean system = SYSTEM_PARTITIONS.stream().anyMatch(mountPoint::startsWith);
        return Fields.builder()
                .put("device", m.group(1))
                .put("mount_point", mountPoint)
                .put("filesystem_type", m.group(3))
                .put("mount_options", options)
                .put("options_list", list)
                .put("is_system_partition", system)
                .put("is_read_write", list.contains("rw"))
                .build();
    }
}
