package org.cotejo.indicators.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/** How the writers lay out JSON: pretty-printed, ending with a newline, the same bytes every time. */
public final class JsonBytes {
    private JsonBytes() {}

    public static byte[] of(ObjectMapper mapper, JsonNode root) {
        try {
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
    }
}
