package org.cotejo.indicators.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cotejo.core.indicator.Indicator;

/** Small builders that write real feed formats for tests. */
final class FeedFixtures {
    private FeedFixtures() {}

    static Feed read(String name, String content) {
        return FeedReader.defaults().read(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static String bundle(String... objects) {
        return "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [\n" + String.join(",\n", objects) + "\n]}";
    }

    /** An indicator whose pattern is given as STIX text; JSON escaping is done here. */
    static String indicator(String id, String pattern, String... extraFields) {
        String extra = Arrays.stream(extraFields).map(f -> ", " + f).collect(Collectors.joining());
        return "{\"type\": \"indicator\", \"id\": \"" + id + "\", \"pattern_type\": \"stix\", \"pattern\": \""
                + pattern.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + extra + "}";
    }

    static String sdo(String type, String id, String name, String... extraFields) {
        String extra = Arrays.stream(extraFields).map(f -> ", " + f).collect(Collectors.joining());
        return "{\"type\": \"" + type + "\", \"id\": \"" + id + "\", \"name\": \"" + name + "\"" + extra + "}";
    }

    static String indicates(String source, String target) {
        return "{\"type\": \"relationship\", \"id\": \"relationship--" + source.hashCode() + target.hashCode()
                + "\", \"relationship_type\": \"indicates\", \"source_ref\": \"" + source + "\", \"target_ref\": \"" + target + "\"}";
    }

    /** "domain:example.org" strings, in order. */
    static List<String> values(Feed feed) {
        return values(feed.indicators());
    }

    static List<String> values(List<Indicator> indicators) {
        return indicators.stream().map(i -> i.value().type().key() + ":" + i.value().value()).toList();
    }
}
