package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.indicators.feed.FeedFixtures.bundle;
import static org.cotejo.indicators.feed.FeedFixtures.indicates;
import static org.cotejo.indicators.feed.FeedFixtures.indicator;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.sdo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.cotejo.core.indicator.Tlp;
import org.junit.jupiter.api.Test;

class FeedWriterRoundTripTest {
    private static final Instant WHEN = Instant.parse("2025-01-02T03:04:05Z");

    /** A feed with a malware collection (AMBER), a report about it, and an unassigned indicator. */
    private static Feed sample() {
        return read("sample.stix2", bundle(
                sdo("malware", "malware--1", "Pegasus", "\"object_marking_refs\": [\"" + Tlp.AMBER.stixTlp2Id() + "\"]"),
                sdo("intrusion-set", "intrusion-set--1", "Operator X"),
                sdo("grouping", "grouping--g", "Case 7 set", "\"context\": \"unspecified\"", "\"object_refs\": [\"indicator--r\"]"),
                indicator("indicator--a", "[domain-name:value = 'a.example' OR process:name = 'bh']"),
                indicator("indicator--b", "[file:hashes.sha256 = '570cd76bf49cf52e0cb347a68bdcf0590b2eaece134e1b1eba7e8d66261bdbe6']"),
                indicator("indicator--c", "[file:name = 'it\\'s a \\\\ name']"),
                indicator("indicator--d", "[app:id = 'com.spy.app' OR app:cert.sha256 = '3ac97735164824657b683e805133b1274b2dedabf9fdd6aa9aca31089d501e64']"),
                indicator("indicator--e", "[configuration-profile:id = 'com.spy.profile' OR android-property:name = 'sys.foobar']"),
                indicator("indicator--f", "[ipv4-addr:value = '192.0.2.1' OR x509-certificate:hashes.'SHA-1' = 'da0611a300a9ce9aa7a09d1212f203fca5856794']"),
                indicator("indicator--o", "[email-addr:value = 'op@example.org']"),
                indicator("indicator--r", "[file:path = '/private/var/tmp/x']"),
                indicator("indicator--u", "[domain-name:value = 'loose.example']"),
                indicator("indicator--t", "[x-cotejo-tls-fingerprint:ja3 = 'E7D705A3286E19EA42F587B344EE6865' OR x-cotejo-tls-fingerprint:ja4 = 't13d1516h2_8daaf6152771_e5627efa2ab1']"),
                indicates("indicator--a", "malware--1"), indicates("indicator--b", "malware--1"), indicates("indicator--c", "malware--1"),
                indicates("indicator--d", "malware--1"), indicates("indicator--e", "malware--1"), indicates("indicator--f", "malware--1"), indicates("indicator--t", "malware--1"),
                indicates("indicator--o", "intrusion-set--1")));
    }

    /** What a round trip must keep: collection name, threat, marking, type and value. */
    private static Set<String> meaning(Feed feed) {
        return feed.indicators().stream().map(i -> i.collection().name() + " | " + i.collection().indicates() + " | "
                + i.collection().tlp() + " | " + i.value().type().key() + " | " + i.value().value()).collect(Collectors.toSet());
    }

    @Test
    void stixRoundTripKeepsCollectionsThreatsMarkingsAndValues() {
        Feed original = sample();
        assertThat(original.skips()).isEmpty();
        byte[] stix = new StixWriter(WHEN).toBytes(original.indicators());
        Feed back = FeedReader.defaults().strict(true).read("out.stix2", stix);
        assertThat(meaning(back)).isEqualTo(meaning(original)).hasSize(15);
    }

    @Test
    void mispRoundTripKeepsCollectionsThreatsMarkingsAndValues() {
        Feed original = sample();
        byte[] misp = new MispWriter().toBytes(original.indicators());
        Feed back = FeedReader.defaults().strict(true).read("out.json", misp);
        assertThat(meaning(back)).isEqualTo(meaning(original));
    }

    @Test
    void writingTheSameIndicatorsTwiceGivesTheSameBytes() {
        assertThat(new StixWriter(WHEN).toBytes(sample().indicators())).isEqualTo(new StixWriter(WHEN).toBytes(sample().indicators()));
        assertThat(new MispWriter().toBytes(sample().indicators())).isEqualTo(new MispWriter().toBytes(sample().indicators()));
    }

    @Test
    void writesStandardStixWithTlp2MarkingsAndEscapedValues() {
        String json = new String(new StixWriter(WHEN).toBytes(sample().indicators()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"pattern\" : \"[file:name = 'it\\\\'s a \\\\\\\\ name']\"")
                .contains("\"pattern\" : \"[file:hashes.'SHA-256' = '570cd76bf49cf52e0cb347a68bdcf0590b2eaece134e1b1eba7e8d66261bdbe6']\"")
                .contains("\"id\" : \"" + Tlp.AMBER.stixTlp2Id() + "\"")
                .contains("\"tlp_2_0\" : \"amber\"").contains("\"created\" : \"" + Tlp.TLP2_CREATED + "\"")
                .contains("\"valid_from\" : \"2025-01-02T03:04:05.000Z\"")
                .contains("\"is_family\" : false").contains("\"context\" : \"suspicious-activity\"");
    }

    @Test
    void nameBasedUuidsFollowRfc9562() {
        // The RFC 9562 appendix example: UUIDv5 of "www.example.com" in the DNS namespace.
        assertThat(NameBasedUuid.v5(java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }
}
