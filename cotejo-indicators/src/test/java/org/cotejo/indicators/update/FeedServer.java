package org.cotejo.indicators.update;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A local web server on 127.0.0.1 standing in for raw.githubusercontent.com. */
final class FeedServer implements AutoCloseable {
    private record Reply(int status, byte[] body, boolean announceLength, String location) {}

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Reply reply = replies.getOrDefault(exchange.getRequestURI().getPath(),
                    new Reply(404, "not found".getBytes(StandardCharsets.UTF_8), true, null));
            if (reply.location() != null) exchange.getResponseHeaders().add("Location", reply.location());
            // Length 0 makes the server send the body chunked, with no Content-Length.
            exchange.sendResponseHeaders(reply.status(), reply.announceLength() ? reply.body().length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            } catch (IOException clientGaveUp) {
                // The updater stops reading oversize bodies; that is what the test wants.
            }
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FeedServer serve(String path, String body) {
        replies.put(path, new Reply(200, body.getBytes(StandardCharsets.UTF_8), true, null));
        return this;
    }

    FeedServer serveChunked(String path, String body) {
        replies.put(path, new Reply(200, body.getBytes(StandardCharsets.UTF_8), false, null));
        return this;
    }

    FeedServer redirect(String path, String location) {
        replies.put(path, new Reply(302, new byte[0], true, location));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
