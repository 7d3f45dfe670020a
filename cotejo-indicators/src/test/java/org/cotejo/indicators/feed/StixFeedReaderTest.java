package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cotejo.indicators.feed.FeedFixtures.bundle;
import static org.cotejo.indicators.feed.FeedFixtures.indicates;
import static org.cotejo.indicators.feed.FeedFixtures.indicator;
import static org.cotejo.indicators.feed.FeedFixtures.read;
import static org.cotejo.indicators.feed.FeedFixtures.sdo;
import static org.cotejo.indicators.feed.FeedFixtures.values;

import java.nio.charset.StandardCharsets;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.IndicatedThreat;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Tlp;
import org.junit.jupiter.api.Test;

class StixFeedReaderTest {
    private static final String MALWARE = sdo("malware", "malware--1", "Pegasus", "\"is_family\": true");

    @Test
    void givesOneIndicatorPerOrJoinedValueWithStableIds() {
        Feed feed = read("f.stix2", bundle(MALWARE,
                indicator("indicator--a", "[domain-name:value = 'a.example' OR domain-name:value = 'b.example']"),
                indicates("indicator--a", "malware--1")));
        assertThat(values(feed)).containsExactly("domain:a.example", "domain:b.example");
        assertThat(feed.indicators()).extracting(Indicator::id).containsExactly("indicator--a#1", "indicator--a#2");
        assertThat(feed.format()).isEqualTo("stix2");
    }

    @Test
    void readsLowerCaseAndQuotedHashKeysAlike() {
        String sha = "570cd76bf49cf52e0cb347a68bdcf0590b2eaece134e1b1eba7e8d66261bdbe6";
        Feed feed = read("f.stix2", bundle(
                indicator("indicator--a", "[file:hashes.sha256 = '" + sha + "']"),
                indicator("indicator--b", "[file:hashes.'SHA-256' = '" + sha + "']"),
                indicator("indicator--c", "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"),
                indicator("indicator--d", "[app:cert.SHA1 = 'da0611a300a9ce9aa7a09d1212f203fca5856794']")));
        assertThat(values(feed)).containsExactly("sha256:" + sha, "sha256:" + sha, "md5:d41d8cd98f00b204e9800998ecf8427e",
                "app-cert-hash:da0611a300a9ce9aa7a09d1212f203fca5856794");
    }

    @Test
    void keepsValuesThatContainEqualsSignsAndQuotes() {
        Feed feed = read("f.stix2", bundle(indicator("indicator--a", "[file:name = 'a=b \\'c\\'.txt']")));
        assertThat(feed.indicators()).singleElement().extracting(i -> i.value().raw()).isEqualTo("a=b 'c'.txt");
    }

    @Test
    void readsTheNonStandardObjectTypesOfMvtFeeds() {
        Feed feed = read("f.stix2", bundle(
                indicator("indicator--a", "[app:id = 'com.example.spy']"),
                indicator("indicator--b", "[configuration-profile:id = '76dab334-7e17-475d-a5d6-0794eb5818a5']"),
                indicator("indicator--c", "[android-property:name = 'sys.foobar']"),
                indicator("indicator--d", "[email-message:from_ref.value = 'a@example.org']"),
                indicator("indicator--e", "[directory:path = '/private/var/tmp']"),
                indicator("indicator--f", "[ipv4-addr:value = '198.51.100.0/24']"),
                indicator("indicator--g", "[domain-name:value = '198.51.100.7']")));
        assertThat(values(feed)).containsExactly("app-id:com.example.spy", "profile-id:76dab334-7e17-475d-a5d6-0794eb5818a5",
                "android-property:sys.foobar", "email:a@example.org", "file-path:/private/var/tmp", "cidr:198.51.100.0/24",
                "ipv4:198.51.100.7");
    }

    @Test
    void assignsAnIndicatorToItsReportBeforeItsRelationship() {
        Feed feed = read("f.stix2", bundle(MALWARE,
                sdo("report", "report--r", "Forensic methodology", "\"object_refs\": [\"indicator--a\", \"malware--1\"]"),
                indicator("indicator--a", "[domain-name:value = 'a.example']"),
                indicator("indicator--b", "[domain-name:value = 'b.example']"),
                indicates("indicator--a", "malware--1"),
                indicates("indicator--b", "malware--1")));
        assertThat(feed.indicators()).extracting(i -> i.collection().name()).containsExactly("Forensic methodology", "Pegasus");
        assertThat(feed.collections()).extracting(c -> c.indicates())
                .containsExactly(new IndicatedThreat("malware", "Pegasus"), new IndicatedThreat("malware", "Pegasus"));
        assertThat(feed.collections()).extracting(c -> c.id()).containsExactly("malware--1", "report--r");
    }

    @Test
    void followsIndicatesToIntrusionSetsAndPutsTheRestInADefaultCollection() {
        Feed feed = read("dir/feed.stix2", bundle(sdo("intrusion-set", "intrusion-set--1", "OperatorX"),
                indicator("indicator--a", "[domain-name:value = 'a.example']"),
                indicator("indicator--b", "[domain-name:value = 'b.example']"),
                indicates("indicator--a", "intrusion-set--1")));
        assertThat(feed.collections()).extracting(c -> c.name()).containsExactly("OperatorX", "feed.stix2");
        assertThat(feed.collections().get(0).indicates()).isEqualTo(new IndicatedThreat("intrusion-set", "OperatorX"));
        assertThat(feed.collections().get(1).indicates()).isNull();
        assertThat(feed.collections()).allSatisfy(c -> assertThat(c.sourceSha256()).isEqualTo(feed.sha256()));
    }

    @Test
    void takesTlpFromMarkingRefsOfTlp2Tlp1AndBundledDefinitions() {
        Feed feed = read("f.stix2", bundle(
                sdo("malware", "malware--1", "A", "\"object_marking_refs\": [\"" + Tlp.AMBER.stixTlp2Id() + "\"]"),
                sdo("malware", "malware--2", "B"),
                sdo("malware", "malware--3", "C"),
                "{\"type\": \"marking-definition\", \"id\": \"marking-definition--x\", \"definition_type\": \"tlp\", \"definition\": {\"tlp\": \"red\"}}",
                indicator("indicator--a", "[domain-name:value = 'a.example']"),
                indicator("indicator--b", "[domain-name:value = 'b.example']",
                        "\"object_marking_refs\": [\"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\"]"),
                indicator("indicator--c", "[domain-name:value = 'c.example']", "\"object_marking_refs\": [\"marking-definition--x\"]"),
                indicates("indicator--a", "malware--1"), indicates("indicator--b", "malware--2"), indicates("indicator--c", "malware--3")));
        assertThat(feed.collections()).extracting(c -> c.tlp()).containsExactly(Tlp.AMBER, Tlp.CLEAR, Tlp.RED);
    }

    @Test
    void skipsWhatItCannotEvaluateAndSaysWhy() {
        Feed feed = read("f.stix2", bundle(
                indicator("indicator--a", "[windows-registry-key:key = 'HKLM\\\\x']"),
                indicator("indicator--b", "[domain-name:value = 'a.example' AND domain-name:value = 'b.example']"),
                indicator("indicator--c", "[domain-name:value = 'a.example'"),
                indicator("indicator--d", "[file:hashes.'SHA3-256' = 'ab']"),
                indicator("indicator--e", "[domain-name:value = '']"),
                "{\"type\": \"indicator\", \"id\": \"indicator--f\", \"pattern_type\": \"yara\", \"pattern\": \"rule x {}\"}",
                "{\"type\": \"identity\", \"id\": \"identity--1\", \"name\": \"Lab\"}"));
        assertThat(feed.indicators()).isEmpty();
        assertThat(feed.skips()).extracting(Skip::reason).containsExactly(
                "pattern_type 'yara' is not STIX patterning, which is all Cotejo reads",
                "unsupported STIX object path 'windows-registry-key:key'",
                "pattern \"[domain-name:value = 'a.example' AND domain-name:value = 'b.example']\" uses AND between comparisons, which Cotejo cannot evaluate as a single value",
                "pattern \"[domain-name:value = 'a.example'\" is not valid STIX patterning: expected ']' at column 33",
                "unsupported STIX object path 'file:hashes.SHA3-256'",
                "not a valid domain name '': empty value");
        assertThat(feed.skips().get(1).location()).startsWith("object indicator--a (line ");
        assertThat(feed.notes()).contains("ignored objects that carry no indicators or collections: identity (1)");
    }

    @Test
    void strictModeTurnsTheFirstSkipIntoAnErrorNamingFileAndObject() {
        String json = bundle(indicator("indicator--a", "[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']"));
        assertThatThrownBy(() -> FeedReader.defaults().strict(true).read("f.stix2", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CotejoException.class)
                .hasMessageContaining("f.stix2, object indicator--a (line 2)")
                .hasMessageContaining("uses the observation operator FOLLOWEDBY");
    }

    @Test
    void rejectsFieldsOfTheWrongTypeNamingTheLine() {
        assertThatThrownBy(() -> read("f.stix2", bundle("{\"type\": \"indicator\", \"id\": \"indicator--a\",\n \"pattern\": 42}")))
                .isInstanceOf(CotejoException.class)
                .hasMessage("STIX feed f.stix2, line 2: indicator--a: 'pattern' must be a string, found a number");
    }

    @Test
    void rejectsAStixObjectThatIsNotABundle() {
        assertThatThrownBy(() -> read("f.json", "{\"type\": \"indicator\", \"id\": \"indicator--a\", \"pattern\": \"[a:b = 'c']\"}"))
                .hasMessageStartingWith("STIX feed f.json: the top level is a 'indicator' object, not a bundle");
    }

    @Test
    void acceptsBundleFieldsInAnyOrder() {
        Feed feed = read("f.json", "{\"objects\": [" + indicator("indicator--a", "[domain-name:value = 'a.example']") + "], \"type\": \"bundle\"}");
        assertThat(values(feed)).containsExactly("domain:a.example");
    }
}
