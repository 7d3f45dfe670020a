package org.cotejo.indicators.update;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cotejo.core.CotejoException;

/**
 * Fetches the current version of every feed in MVT's {@code indicators.yaml} into the
 * {@link FeedStore}, keeping every version ever seen. Behind {@code cotejo iocs update}.
 *
 * <pre>{@code
 * UpdateReport report = FeedUpdater.builder().dataDir(DataDirectory.resolve()).build().update();
 * }</pre>
 *
 * Only {@code https} is fetched (plain {@code http} only from loopback, for local mirrors and tests),
 * redirects are followed only under the same rule, each download is capped in size and time, and a
 * feed is stored only if it parses as JSON. Nothing fetched is ever executed.
 */
public final class FeedUpdater {
    public static final String DEFAULT_INDEX_URL =
            "https://raw.githubusercontent.com/mvt-project/mvt-indicators/main/indicators.yaml";
    public static final String DEFAULT_RAW_BASE = "https://raw.githubusercontent.com/";
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** The folder the index itself is stored under, beside the feeds. */
    public static final String INDEX_SLUG = "mvt-indicators-index";

    private static final JsonFactory JSON = new JsonFactory();

    private final Downloader downloader;
    private final FeedStore store;
    private final URI indexUrl;
    private final String rawBase;
    private final Clock clock;

    private FeedUpdater(Builder b) {
        this.downloader = new Downloader(b.http, b.timeout, b.deadline, b.maxBytes);
        this.store = new FeedStore(b.dataDir);
        this.indexUrl = b.indexUrl;
        this.rawBase = b.rawBase;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public FeedStore store() { return store; }

    /**
     * Fetches the index, then each feed it lists. A feed that cannot be fetched or is not JSON is
     * reported as FAILED and the others still run.
     *
     * @throws CotejoException when the index itself cannot be fetched or read, or another update
     *                         is running on the same data folder
     */
    public UpdateReport update() {
        try {
            Files.createDirectories(store.folder());
        } catch (IOException e) {
            throw new CotejoException("cannot create the feed folder " + store.folder() + ": " + e.getMessage(), e);
        }
        // Two updates at once could each append to versions.json and lose the other's entry.
        try (FileChannel lockFile = FileChannel.open(store.folder().resolve(".update.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) throw new CotejoException("another `cotejo iocs update` is running on " + store.folder());
            return updateLocked();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new CotejoException("another `cotejo iocs update` is running on " + store.folder());
        } catch (IOException e) {
            throw new CotejoException("cannot lock " + store.folder() + ": " + e.getMessage(), e);
        }
    }

    private UpdateReport updateLocked() {
        Downloader.Fetched fetched;
        try {
            fetched = downloader.fetch(indexUrl);
        } catch (CotejoException e) {
            throw new CotejoException("cannot fetch the feed index: " + e.getMessage(), e);
        }
        FeedIndex index = FeedIndex.parse(fetched.body(), indexUrl.toString());
        FeedResult indexResult = keep(INDEX_SLUG, "MVT indicators index", indexUrl.toString(), "yaml", fetched.body());

        List<FeedResult> feeds = new ArrayList<>();
        for (FeedIndex.Entry entry : index.entries()) {
            if (entry.github().isEmpty()) {
                feeds.add(FeedResult.skipped(entry.name(), entry.problem()));
                continue;
            }
            FeedIndex.GitHubFile file = entry.github().get();
            String url = file.rawUrl(rawBase);
            try {
                byte[] body = downloader.fetch(UrlPolicy.parse(url)).body();
                requireJson(body, url);
                feeds.add(keep(file.slug(), entry.name(), url, file.extension(), body));
            } catch (CotejoException e) {
                feeds.add(FeedResult.failed(entry.name(), url, e.getMessage()));
            }
        }
        return new UpdateReport(indexResult, feeds);
    }

    private FeedResult keep(String slug, String name, String url, String ext, byte[] body) {
        String sha256 = sha256(body);
        FeedStore.Outcome outcome = store.store(slug, name, url, ext, body, sha256, clock.instant());
        FeedResult.Status status = outcome == FeedStore.Outcome.NEW ? FeedResult.Status.NEW : FeedResult.Status.UNCHANGED;
        return new FeedResult(name, url, status, sha256, body.length, "");
    }

    /** Streams through the tokens: checks the syntax without building a tree of a 60 MB feed. */
    private static void requireJson(byte[] body, String url) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) throw new CotejoException("empty response from " + url + "; expected a JSON feed");
            parser.skipChildren();
            if (parser.nextToken() != null) throw new CotejoException("response from " + url + " has data after the JSON value");
        } catch (JsonProcessingException e) {
            throw new CotejoException("response from " + url + " is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + "); not stored");
        } catch (IOException e) {
            throw new CotejoException("cannot read response from " + url + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] body) {
        return org.cotejo.core.Hashing.sha256(body);
    }

    /** Settings for a {@link FeedUpdater}; every one has a default. */
    public static final class Builder {
        private HttpClient http;
        private Path dataDir;
        private URI indexUrl = URI.create(DEFAULT_INDEX_URL);
        private String rawBase = DEFAULT_RAW_BASE;
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(30);
        private Duration deadline = Duration.ofMinutes(5);
        private long maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {}

        /** A client that does not follow redirects (the updater follows them itself, checking each hop). */
        public Builder httpClient(HttpClient http) { this.http = Objects.requireNonNull(http); return this; }

        /** Defaults to {@link DataDirectory#resolve()}. */
        public Builder dataDir(Path dataDir) { this.dataDir = Objects.requireNonNull(dataDir); return this; }

        public Builder indexUrl(String indexUrl) { this.indexUrl = UrlPolicy.check(UrlPolicy.parse(indexUrl)); return this; }

        /** Base for {@code type: github} entries, {@code https://raw.githubusercontent.com/} by default. */
        public Builder rawBase(String rawBase) { this.rawBase = UrlPolicy.check(UrlPolicy.parse(rawBase)).toString(); return this; }

        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        /** Connect timeout and the wait for response headers; 30 s by default. */
        public Builder timeout(Duration timeout) { this.timeout = Objects.requireNonNull(timeout); return this; }

        /** Longest a single download may take, body included; 5 minutes by default. */
        public Builder deadline(Duration deadline) { this.deadline = Objects.requireNonNull(deadline); return this; }

        /** Largest accepted file; 64 MiB by default. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
            this.maxBytes = maxBytes;
            return this;
        }

        public FeedUpdater build() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            } else if (http.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("the HttpClient must not follow redirects: the updater checks each hop itself");
            }
            if (dataDir == null) dataDir = DataDirectory.resolve();
            return new FeedUpdater(this);
        }
    }
}
