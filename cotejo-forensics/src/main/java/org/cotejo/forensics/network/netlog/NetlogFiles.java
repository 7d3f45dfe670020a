package org.cotejo.forensics.network.netlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.SingleFileTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * Opens generic DNS-resolver or proxy logs (one file, or a folder whose files are read in path order) as
 * an extraction of kind {@link EvidenceKind#NETLOG}, with its {@link NetlogFormat} attached. The format
 * is, in this order: the one given ({@code --format}, {@code --map}); the one the analyst wrote in a
 * {@value #SIDECAR} file beside the logs ({@code {"format": "json", "map": {"time": "ts"}}}), which is
 * how {@code cotejo case add-evidence} learns it; or a built-in one recognised from the first line
 * (a CSV header with {@code query} and {@code answer} is dns-csv, one with {@code url} and
 * {@code method} proxy-csv, a line starting with an epoch time and a duration is Squid's).
 */
public final class NetlogFiles {
    /** The format description an analyst may put beside the logs; never written by Cotejo. */
    public static final String SIDECAR = "cotejo-netlog.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetlogFiles() {}

    /** Opens the log(s) at {@code path}; {@code format} null means the sidecar's or the recognised one. */
    public static Extraction open(Path path, NetlogFormat format) throws IOException {
        if (!Files.exists(path)) throw new CotejoException("no such file or folder: " + path);
        Path abs = path.toAbsolutePath().normalize();
        NetlogFormat f = format != null ? format : sidecar(abs);
        if (f == null) f = recognise(abs);
        FileTree tree = Files.isDirectory(abs) ? new FolderTree(abs) : SingleFileTree.of(abs);
        WorkArea work = WorkArea.create();
        try {
            Extraction x = new Extraction(EvidenceKind.NETLOG, abs, tree, new FsLocator(tree), work, Map.of());
            return x.with(NetlogFormat.class, f);
        } catch (RuntimeException e) {
            tree.close();
            work.close();
            throw e;
        }
    }

    /** The format stated in the sidecar beside the logs, or null when there is none. */
    static NetlogFormat sidecar(Path path) throws IOException {
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        Path file = dir == null ? null : dir.resolve(SIDECAR);
        if (file == null || !Files.isRegularFile(file)) return null;
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CotejoException(file + " is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.path("format").isTextual()) {
            throw new CotejoException(file + " must say {\"format\": \"dns-csv|proxy-csv|squid|json\", \"map\": {\"role\": \"column\"}}");
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.path("map").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return NetlogFormat.of(node.get("format").asText(), map);
    }

    /** A built-in format recognised from the first line of the first log. */
    static NetlogFormat recognise(Path path) throws IOException {
        Path first = path;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                first = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(SIDECAR))
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().findFirst()
                        .orElseThrow(() -> new CotejoException(path + " holds no log file"));
            }
        }
        String line;
        try (BufferedReader r = Files.newBufferedReader(first, StandardCharsets.UTF_8)) {
            do line = r.readLine(); while (line != null && (line.isBlank() || line.startsWith("#")));
        } catch (java.nio.charset.MalformedInputException e) {
            line = null;
        }
        if (line != null) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            List<String> cols = List.of(l.split("\\s*,\\s*"));
            if (cols.contains("query") && cols.contains("answer")) return NetlogFormat.of("dns-csv", Map.of());
            if (cols.contains("url") && cols.contains("method")) return NetlogFormat.of("proxy-csv", Map.of());
            if (l.matches("\\d{9,}(\\.\\d+)?\\s+\\d+\\s+\\S+\\s+\\S+/\\d+\\s.*")) return NetlogFormat.of("squid", Map.of());
        }
        throw new CotejoException("cannot tell the layout of " + first + "; give --format (" + String.join(", ", NetlogFormat.BUILT_IN)
                + ") and --map role=column, or put a " + SIDECAR + " beside it (see docs/checking.md)");
    }
}
