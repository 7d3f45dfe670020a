package org.cotejo.indicators.update;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cotejo.core.CotejoException;

/**
 * Fetches one URL under the {@link UrlPolicy}: redirects are followed by hand (the client is built
 * not to follow them) so every hop is checked, responses are capped in size, and a download that
 * stalls is abandoned at a deadline (the JDK client has no per-read timeout).
 */
final class Downloader {
    private static final int MAX_REDIRECTS = 5;

    /** The body and the URL it finally came from, after redirects. */
    record Fetched(byte[] body, URI url) {}

    private final HttpClient http;
    private final Duration timeout;
    private final Duration deadline;
    private final long maxBytes;

    /**
     * @param timeout  for the response headers to arrive
     * @param deadline for the whole transfer, body included
     */
    Downloader(HttpClient http, Duration timeout, Duration deadline, long maxBytes) {
        this.http = http;
        this.timeout = timeout;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    /** @throws CotejoException saying what went wrong, for the report line of this feed */
    Fetched fetch(URI url) {
        URI current = UrlPolicy.check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest request = HttpRequest.newBuilder(current).timeout(timeout).GET()
                    .header("User-Agent", "cotejo-feed-updater").build();
            HttpResponse<byte[]> response = send(request, current);
            int status = response.statusCode();
            if (status / 100 == 3 && status != 304) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new CotejoException("HTTP " + status + " without a Location from " + url));
                current = UrlPolicy.check(current.resolve(location));
                continue;
            }
            if (status != 200) throw new CotejoException("HTTP " + status + " from " + current);
            return new Fetched(response.body(), current);
        }
        throw new CotejoException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI url) {
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, info -> new CappedBody(maxBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(-1), url.toString()));
        try {
            return response.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new CotejoException("download from " + url + " did not finish within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CotejoException("download from " + url + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CotejoException ce) throw ce;
            if (cause instanceof IOException && cause.getCause() instanceof CotejoException ce) throw ce;
            throw new CotejoException("cannot fetch " + url + ": " + describe(cause), cause);
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
