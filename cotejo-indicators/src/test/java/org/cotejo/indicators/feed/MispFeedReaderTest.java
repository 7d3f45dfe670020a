package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.values;

import java.nio.charset.StandardCharsets;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.junit.jupiter.api.Test;

class MispFeedReaderTest {
    private static final String SHA256 = "570cd76bf49cf52e0cb347a68bdcf0590b2eaece134e1b1eba7e8d66261bdbe6";

    private static String attribute(String uuid, String type, String value, String... extra) {
        return "{\"uuid\": \"" + uuid + "\", \"type\": \"" + type + "\", \"category\": \"Network activity\", \"value\": " + value
                + ", \"to_ids\": true" + String.join("", java.util.Arrays.stream(extra).map(e -> ", " + e).toList()) + "}";
    }

    private static String event(String attributes, String more) {
        return "{\"Event\": {\"uuid\": \"e1\", \"info\": \"Operation X\"" + more + ", \"Attribute\": [" + attributes + "]}}";
    }

    @Test
    void splitsCompositeTypesIntoTheirValues() {
        Feed feed = read("m.json", event(String.join(",",
                attribute("a1", "domain|ip", "\"a.example|192.0.2.1\""),
                attribute("a2", "filename|sha256", "\"x.apk|" + SHA256 + "\""),
                attribute("a3", "ip-dst|port", "\"192.0.2.2|443\""),
                attribute("a4", "hostname|port", "\"b.example|8080\""),
                attribute("a5", "filename", "\"/data/local/tmp/x\""),
                attribute("a6", "whois-registrant-email", "\"r@example.org\"")), ""));
        assertThat(values(feed)).containsExactly("domain:a.example", "ipv4:192.0.2.1", "file-name:x.apk", "sha256:" + SHA256,
                "ipv4:192.0.2.2", "domain:b.example", "file-path:/data/local/tmp/x", "email:r@example.org");
        assertThat(feed.indicators()).extracting(Indicator::id).startsWith("a1#1", "a1#2", "a2#1", "a2#2", "a3");
        assertThat(feed.format()).isEqualTo("misp");
    }

    @Test
    void skipsAttributesNotForDetectionUnlessAskedTo() {
        String json = event(attribute("a1", "domain", "\"a.example\"", "\"to_ids\": \"0\"") .replace("\"to_ids\": true, ", ""), "");
        Feed lenient = read("m.json", json);
        assertThat(lenient.indicators()).isEmpty();
        assertThat(lenient.skips()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("to_ids is false: MISP marks it as not for detection");
            assertThat(s.location()).startsWith("Event e1 Attribute a1 (line 1)");
        });
        Feed all = FeedReader.defaults().includeNonIds(true).read("m.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(values(all)).containsExactly("domain:a.example");
    }

    @Test
    void explainsEveryAttributeItLeavesOut() {
        Feed feed = read("m.json", event(String.join(",",
                "{\"uuid\": \"a1\", \"type\": \"link\", \"category\": \"External analysis\", \"value\": \"https://lab.example/report\", \"to_ids\": true}",
                attribute("a2", "mutex", "\"Global\\\\x\""),
                attribute("a3", "btc", "\"1abc\""),
                attribute("a4", "domain", "\"gone.example\"", "\"deleted\": true"),
                attribute("a5", "domain", "\"\"")), ""));
        assertThat(feed.skips()).extracting(Skip::reason).containsExactly("link is a reference, not an indicator",
                "MISP type 'mutex' is out of scope", "MISP type 'btc' is not supported", "the attribute is marked deleted",
                "not a valid domain name '': empty value");
    }

    @Test
    void readsNumbersAsValuesAndTagsAndGalaxiesAsMarkingAndThreat() {
        Feed feed = read("m.json", event(attribute("a1", "filename", "12345"),
                ", \"Tag\": [{\"name\": \"tlp:green\"}, {\"name\": \"TLP:AMBER\"}],"
                        + " \"Galaxy\": [{\"type\": \"country\", \"GalaxyCluster\": [{\"value\": \"Spain\"}]},"
                        + " {\"type\": \"mitre-malware\", \"GalaxyCluster\": [{\"value\": \"Pegasus\"}]}]"));
        assertThat(values(feed)).containsExactly("file-name:12345");
        assertThat(feed.collections()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("e1");
            assertThat(c.name()).isEqualTo("Operation X");
            assertThat(c.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(c.indicates()).isEqualTo(new IndicatedThreat("malware", "Pegasus"));
        });
    }

    @Test
    void takesTheThreatFromAGalaxyTagWhenThereIsNoGalaxy() {
        Feed feed = read("m.json", event(attribute("a1", "domain", "\"a.example\""),
                ", \"Tag\": [{\"name\": \"misp-galaxy:threat-actor=\\\"Group X\\\"\"}, {\"name\": \"tlp:white\"}]"));
        assertThat(feed.collections().get(0).indicates()).isEqualTo(new IndicatedThreat("threat-actor", "Group X"));
        assertThat(feed.collections().get(0).tlp()).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void readsResponseListsBareListsAndBareEventsOneCollectionPerEvent() {
        String e1 = event(attribute("a1", "domain", "\"a.example\""), "").replace("\"e1\"", "\"u1\"");
        String e2 = event(attribute("a2", "domain", "\"b.example\""), "").replace("\"e1\"", "\"u2\"");
        assertThat(read("r.json", "{\"response\": [" + e1 + ", " + e2 + "]}").collections()).extracting(c -> c.id()).containsExactly("u1", "u2");
        assertThat(read("l.json", "[" + e1 + ", " + e2 + "]").collections()).extracting(c -> c.id()).containsExactly("u1", "u2");
        String bare = "{\"Attribute\": [" + attribute("a1", "domain", "\"a.example\"") + "], \"info\": \"Bare\", \"uuid\": \"u3\"}";
        Feed feed = read("b.json", bare);
        assertThat(feed.collections()).extracting(c -> c.id() + " " + c.name()).containsExactly("u3 Bare");
        assertThat(feed.indicators().get(0).location()).startsWith("Event u3 Attribute a1");
    }

    @Test
    void readsAndroidAppObjectsByRelationAndKeepsTheAppNameOutOfTheIndicators() {
        String object = "{\"name\": \"android-app\", \"uuid\": \"o1\", \"Attribute\": ["
                + "{\"uuid\": \"n\", \"object_relation\": \"name\", \"type\": \"text\", \"value\": \"SpyApp\", \"to_ids\": false},"
                + "{\"uuid\": \"i\", \"object_relation\": \"appid\", \"type\": \"text\", \"value\": \"com.spy.app\", \"to_ids\": false},"
                + "{\"uuid\": \"c\", \"object_relation\": \"certificate\", \"type\": \"sha1\", \"value\": \"da0611a300a9ce9aa7a09d1212f203fca5856794\", \"to_ids\": true},"
                + "{\"uuid\": \"d\", \"object_relation\": \"domain\", \"type\": \"domain\", \"value\": \"c2.example\", \"to_ids\": true}]}";
        Feed feed = read("m.json", "{\"Event\": {\"uuid\": \"e1\", \"info\": \"Stalkerware\", \"Object\": [" + object + "]}}");
        assertThat(values(feed)).containsExactly("app-id:com.spy.app", "app-cert-hash:da0611a300a9ce9aa7a09d1212f203fca5856794",
                "domain:c2.example");
        assertThat(feed.indicators().get(0).location()).startsWith("Event e1 Object android-app o1 Attribute i");
        assertThat(feed.notes()).containsExactly("Event e1: 1 android-app 'name' attributes read as app names, not indicators");
    }

    @Test
    void readsJa3AttributesAndJa4InJa4PlusObjectsButNotOtherJa4Variants() {
        String object = "{\"name\": \"ja4-plus\", \"uuid\": \"o2\", \"Attribute\": ["
                + "{\"uuid\": \"f\", \"object_relation\": \"ja4-fingerprint\", \"type\": \"text\", \"value\": \"T13D1516H2_8daaf6152771_e5627efa2ab1\", \"to_ids\": true},"
                + "{\"uuid\": \"t\", \"object_relation\": \"ja4-type\", \"type\": \"text\", \"value\": \"JA4\", \"to_ids\": false}]}";
        String tcp = "{\"name\": \"ja4-plus\", \"uuid\": \"o3\", \"Attribute\": ["
                + "{\"uuid\": \"g\", \"object_relation\": \"ja4-fingerprint\", \"type\": \"text\", \"value\": \"64240_2-1-3-1-1-4_1460_8\", \"to_ids\": true}]}";
        Feed feed = read("m.json", "{\"Event\": {\"uuid\": \"e1\", \"info\": \"C2\", \"Attribute\": ["
                + attribute("a1", "ja3-fingerprint-md5", "\"E7D705A3286E19EA42F587B344EE6865\"") + "], \"Object\": [" + object + "," + tcp + "]}}");
        assertThat(values(feed)).containsExactly("ja3:e7d705a3286e19ea42f587b344ee6865", "ja4:t13d1516h2_8daaf6152771_e5627efa2ab1");
    }
}
