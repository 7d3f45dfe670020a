package org.cotejo.indicators.update;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.cotejo.core.CotejoException;

/**
 * Collects a response body, but stops reading and fails as soon as it exceeds {@code maxBytes}, so a
 * hostile or broken server cannot fill memory (the JDK's byte-array handler has no limit).
 */
final class CappedBody implements BodySubscriber<byte[]> {
    private final long maxBytes;
    private final long announcedBytes;
    private final String url;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param announcedBytes the Content-Length the server announced, or -1 */
    CappedBody(long maxBytes, long announcedBytes, String url) {
        this.maxBytes = maxBytes;
        this.announcedBytes = announcedBytes;
        this.url = url;
    }

    @Override
    public CompletionStage<byte[]> getBody() { return result; }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        // Refuse at once when the server announces an oversize body, rather than reading up to the limit.
        if (announcedBytes > maxBytes) tooLarge();
        else subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return; // cancelled: late buffers are dropped
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                tooLarge();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
        subscription.request(1);
    }

    private void tooLarge() {
        subscription.cancel();
        result.completeExceptionally(new CotejoException(
                "response from " + url + " is larger than the limit of " + maxBytes + " bytes"));
    }

    @Override
    public void onError(Throwable error) { result.completeExceptionally(error); }

    @Override
    public void onComplete() { result.complete(bytes.toByteArray()); }
}
