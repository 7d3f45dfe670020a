package org.cotejo.indicators.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cotejo.core.CotejoException;

/**
 * Every version of every fetched feed, kept so an examiner can say which copy of a feed a scan used:
 * {@code <data>/feeds/<slug>/<sha256>.<ext>} holds the bytes (named by content, so a version is never
 * stored twice), and {@code <data>/feeds/<slug>/versions.json} lists the versions oldest first, each
 * {@code {"sha256", "url", "retrieved", "bytes", "name"}}.
 *
 * <p>Every write goes to a temporary file in the same folder, is flushed to disk, then renamed into
 * place atomically, so an interrupted update never leaves a half-written feed or index behind.
 */
public final class FeedStore {
    static final String VERSIONS = "versions.json";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What {@link #store} did. */
    enum Outcome { NEW, UNCHANGED }

    private final Path feeds;

    public FeedStore(Path dataDir) {
        this.feeds = dataDir.resolve("feeds");
    }

    /** {@code <data>/feeds}. */
    public Path folder() { return feeds; }

    /** The newest version of each stored feed, ordered by slug. */
    public List<StoredFeed> latest() {
        if (!Files.isDirectory(feeds)) return List.of();
        List<StoredFeed> latest = new ArrayList<>();
        try (Stream<Path> folders = Files.list(feeds)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(VERSIONS))).sorted().toList()) {
                List<StoredFeed> versions = versions(folder.getFileName().toString());
                if (!versions.isEmpty()) latest.add(versions.get(versions.size() - 1));
            }
        } catch (IOException e) {
            throw new CotejoException("cannot list fetched feeds in " + feeds + ": " + e.getMessage(), e);
        }
        return latest;
    }

    /** Every stored version of one feed, oldest first; empty when the feed was never fetched. */
    public List<StoredFeed> versions(String slug) {
        Path folder = folder(slug);
        Path file = folder.resolve(VERSIONS);
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CotejoException("cannot read " + file + ": " + e.getMessage()
                    + " (restore it from a backup, or delete the folder and run `cotejo iocs update` again)", e);
        }
        List<StoredFeed> versions = new ArrayList<>();
        for (JsonNode v : root) {
            String sha256 = v.path("sha256").asText();
            String ext = v.path("ext").asText("json");
            versions.add(new StoredFeed(v.path("name").asText(slug), folder.resolve(sha256 + "." + ext), sha256,
                    Instant.parse(v.path("retrieved").asText()), v.path("url").asText()));
        }
        return versions;
    }

    /**
     * Records {@code content} as the current version of feed {@code slug}: UNCHANGED when it is
     * already the latest version, otherwise NEW (the bytes are written unless this content was
     * stored before, e.g. when a feed reverts to an earlier version).
     */
    Outcome store(String slug, String name, String url, String ext, byte[] content, String sha256, Instant retrieved) {
        List<StoredFeed> versions = versions(slug);
        if (!versions.isEmpty() && versions.get(versions.size() - 1).sha256().equals(sha256)) return Outcome.UNCHANGED;
        Path folder = folder(slug);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(sha256 + "." + ext);
            if (!Files.isRegularFile(file)) writeAtomically(file, content);
            ArrayNode list = Files.isRegularFile(folder.resolve(VERSIONS))
                    ? (ArrayNode) JSON.readTree(folder.resolve(VERSIONS).toFile()) : JSON.createArrayNode();
            ObjectNode version = list.addObject();
            version.put("sha256", sha256);
            version.put("url", url);
            version.put("retrieved", retrieved.toString());
            version.put("bytes", content.length);
            version.put("name", name);
            version.put("ext", ext);
            writeAtomically(folder.resolve(VERSIONS), JSON.writeValueAsBytes(list));
        } catch (JsonProcessingException e) {
            throw new CotejoException("cannot update " + folder.resolve(VERSIONS) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CotejoException("cannot store feed in " + folder + ": " + e.getMessage(), e);
        }
        return Outcome.NEW;
    }

    private Path folder(String slug) {
        // Slugs become folder names: never let one climb out of <data>/feeds.
        if (!SLUG.matcher(slug).matches()) throw new CotejoException("not a feed name: '" + slug + "'");
        return feeds.resolve(slug);
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".part-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
