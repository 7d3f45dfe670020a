package org.cotejo.forensics.android.bugreport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.forensics.android.artifacts.GetProp;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;

/**
 * The dumpstate text of a bugreport (the {@code dumpsys} output of every service), attached to the
 * extraction by {@link Bugreports}. One streaming pass, on first use, records where each
 * {@code DUMP OF SERVICE <name>:} section and the {@code ------ SYSTEM PROPERTIES} block lie; modules
 * then re-read only their section by offset. A dumpstate inside a zip is first copied once into the
 * work area, since zip entries cannot be read by offset.
 *
 * <p>Section bounds follow MVT: a section starts after the first line whose trimmed text is its header
 * and ends before the first later line whose trimmed text starts with 78 dashes (or at the end of the
 * file). The properties block starts after a line beginning {@code ------ SYSTEM PROPERTIES} and ends
 * before the next line beginning {@code ------}.
 */
public final class Dumpstate implements AutoCloseable {
    /** What modules report when the bugreport holds no dumpstate text. */
    public static final String MISSING = "no dumpstate file found (main_entry.txt, dumpState_*.log, dumpsys.txt)";
    /** The key of the properties block in {@link #section}. */
    public static final String SYSTEM_PROPERTIES = "SYSTEM PROPERTIES";
    private static final int DASHES = 78;
    private static final int PREFIX = 512;

    private final FileTree tree;
    private final FileEntry entry;
    private final WorkArea work;
    private final String note;
    private Map<String, DumpstateSection> sections;
    private FileChannel channel;
    private Optional<ZoneId> zone;
    private boolean missingReported;

    /**
     * @param entry the dumpstate file, or null when the bugreport has none
     * @param note  why no file was found beyond the usual rules ("main_entry.txt names x, which is absent"), or ""
     */
    public Dumpstate(FileTree tree, FileEntry entry, WorkArea work, String note) {
        this.tree = tree;
        this.entry = entry;
        this.work = work;
        this.note = note == null ? "" : note;
    }

    /** The dumpstate file, when the bugreport has one. */
    public Optional<FileEntry> file() { return Optional.ofNullable(entry); }

    /** Why there is no dumpstate file, for the one problem the modules report. */
    public String missingMessage() { return note.isEmpty() ? MISSING : MISSING + "; " + note; }

    /** True the first time it is called: so that the missing file is reported once, not by every module. */
    public synchronized boolean reportMissing() {
        boolean first = !missingReported;
        missingReported = true;
        return first;
    }

    /** The section of service {@code name} ("package"), or {@link #SYSTEM_PROPERTIES}; empty when absent. */
    public synchronized Optional<DumpstateSection> section(String name) throws IOException {
        if (entry == null) return Optional.empty();
        if (sections == null) index();
        return Optional.ofNullable(sections.get(name));
    }

    /** The names of the sections found, in file order. */
    public synchronized List<String> sectionNames() throws IOException {
        if (entry == null) return List.of();
        if (sections == null) index();
        return new ArrayList<>(sections.keySet());
    }

    /** The device's zone from {@code persist.sys.timezone} in the properties block, when it names one Java knows. */
    public synchronized Optional<ZoneId> timeZone() throws IOException {
        if (zone != null) return zone;
        List<GetProp.Property> props = new ArrayList<>();
        Optional<DumpstateSection> block = section(SYSTEM_PROPERTIES);
        if (block.isPresent()) {
            block.get().lines((n, text) -> {
                GetProp.Property p = GetProp.parse(text, n);
                if (p != null) props.add(p);
                return true;
            });
        }
        zone = GetProp.timeZone(props);
        return zone;
    }

    private void index() throws IOException {
        channel = FileChannel.open(localCopy(), StandardOpenOption.READ);
        sections = new LinkedHashMap<>();
        Map<String, long[]> open = new LinkedHashMap<>();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        byte[] prefix = new byte[PREFIX];
        int plen = 0;
        long lineStart = 0;
        long lineNo = 1;
        long pos = 0;
        long size = channel.size();
        while (pos < size) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b != '\n') {
                    if (plen < PREFIX) prefix[plen++] = b;
                    continue;
                }
                long next = pos + i + 1;
                line(prefix, plen, lineStart, next, lineNo, open);
                plen = 0;
                lineStart = next;
                lineNo++;
            }
            pos += n;
        }
        if (plen > 0) line(prefix, plen, lineStart, size, lineNo, open);
        for (Map.Entry<String, long[]> o : open.entrySet()) add(o.getKey(), o.getValue(), size);
    }

    /** Looks at the start of one line: a header opens a section, a dash line closes the open ones. */
    private void line(byte[] prefix, int plen, long lineStart, long next, long lineNo, Map<String, long[]> open) {
        int from = 0;
        while (from < plen && (prefix[from] == ' ' || prefix[from] == '\t')) from++;
        if (from < plen && prefix[from] == '-') {
            int dashes = 0;
            while (from + dashes < plen && prefix[from + dashes] == '-') dashes++;
            if (dashes >= DASHES) {
                open.forEach((name, at) -> add(name, at, lineStart));
                open.clear();
                return;
            }
            long[] props = open.get(SYSTEM_PROPERTIES);
            if (props != null && dashes >= 6) {
                add(SYSTEM_PROPERTIES, props, lineStart);
                open.remove(SYSTEM_PROPERTIES);
            }
            if (startsWith(prefix, from, plen, "------ SYSTEM PROPERTIES") && !known(SYSTEM_PROPERTIES, open)) {
                open.put(SYSTEM_PROPERTIES, new long[] {next, lineNo + 1});
            }
            return;
        }
        if (!startsWith(prefix, from, plen, "DUMP OF SERVICE ")) return;
        String text = new String(prefix, from, plen - from, StandardCharsets.UTF_8).strip();
        if (!text.endsWith(":") || plen == PREFIX) return;
        String name = text.substring("DUMP OF SERVICE ".length(), text.length() - 1);
        if (!known(name, open)) open.put(name, new long[] {next, lineNo + 1});
    }

    private boolean known(String name, Map<String, long[]> open) {
        return sections.containsKey(name) || open.containsKey(name);
    }

    private void add(String name, long[] at, long end) {
        sections.put(name, new DumpstateSection(name, at[0], Math.max(at[0], end), at[1], channel));
    }

    private static boolean startsWith(byte[] b, int from, int len, String s) {
        if (len - from < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[from + i] != s.charAt(i)) return false;
        return true;
    }

    /** The file to read by offset: in place for a folder, else a private copy in the work area. */
    private Path localCopy() throws IOException {
        FileTree t = tree instanceof org.cotejo.forensics.evidence.SingleFileTree single ? single.base() : tree;
        if (t instanceof FolderTree folder) return folder.pathOf(entry);
        Path copy = work.newFolder("dumpstate").resolve("dumpstate.txt");
        try (InputStream in = tree.open(entry)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) channel.close();
    }
}
