package org.cotejo.indicators.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StixPatternTest {

    private static List<StixPattern.Comparison> single(String pattern) throws Exception {
        return StixPattern.parse(pattern).singleValues();
    }

    @Test
    void readsOneEqualityAsOneValue() throws Exception {
        List<StixPattern.Comparison> c = single("[domain-name:value = 'example.org']");
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.path().toString()).isEqualTo("domain-name:value");
            assertThat(x.value().text()).isEqualTo("example.org");
        });
    }

    @Test
    void readsOrJoinedEqualitiesAsSeparateValues() throws Exception {
        assertThat(single("[domain-name:value = 'a.com' OR (domain-name:value = 'b.com' OR ipv4-addr:value = '192.0.2.1')]"))
                .extracting(c -> c.value().text()).containsExactly("a.com", "b.com", "192.0.2.1");
    }

    @Test
    void keepsEqualsSignsAndEscapedQuotesInsideValues() throws Exception {
        assertThat(single("[url:value = 'http://x.example/?a=b&c=\\'d\\'\\\\e']")).singleElement()
                .extracting(c -> c.value().text()).isEqualTo("http://x.example/?a=b&c='d'\\e");
    }

    @Test
    void readsQuotedHashKeysAndListIndices() throws Exception {
        StixPattern.Comparison c = single("[file:hashes.'SHA-256'='ab']").get(0);
        assertThat(c.path().steps()).containsExactly("hashes", "SHA-256");
        StixPattern.Comparison indexed = single("[email-message:to_refs[*].value = 'a@example.org']").get(0);
        assertThat(indexed.path().steps()).containsExactly("to_refs", "[*]", "value");
        assertThat(indexed.path().toString()).isEqualTo("email-message:to_refs[*].value");
    }

    @Test
    void parsesTheWholeGrammarEvenWhereItCannotEvaluate() throws Exception {
        String[] valid = {
            "[file:size > 10 AND file:size <= 2000.5] FOLLOWEDBY [process:name != 'x'] WITHIN 300 SECONDS",
            "([a:b = 'c'] OR [d:e = 'f']) REPEATS 5 TIMES",
            "[network-traffic:dst_port IN (443, 80)] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
            "[file:name LIKE 'a%' AND file:name MATCHES '^a\\\\d' AND file:name NOT LIKE 'b%']",
            "[ipv4-addr:value ISSUBSET '198.51.100.0/24' OR ipv4-addr:value ISSUPERSET '198.51.100.0/30']",
            "[EXISTS windows-registry-key:values[0].name AND NOT EXISTS file:parent_directory_ref]",
            "[file:content = h'ff00' OR file:payload_bin = b'AAAA' OR file:x = true OR file:y = -3]",
        };
        for (String p : valid) assertThat(StixPattern.parse(p).text()).isEqualTo(p);
    }

    @Test
    void namesTheConstructItCannotEvaluate() {
        assertThatThrownBy(() -> single("[domain-name:value = 'a.com' AND domain-name:value = 'b.com']"))
                .hasMessage("AND between comparisons");
        assertThatThrownBy(() -> single("[domain-name:value = 'a.com'] FOLLOWEDBY [domain-name:value = 'b.com']"))
                .hasMessage("the observation operator FOLLOWEDBY");
        assertThatThrownBy(() -> single("[domain-name:value = 'a.com'] WITHIN 5 SECONDS"))
                .hasMessage("the qualifier WITHIN 5 SECONDS");
        assertThatThrownBy(() -> single("[domain-name:value LIKE 'a%']")).hasMessage("the operator LIKE");
        assertThatThrownBy(() -> single("[domain-name:value NOT = 'a.com']")).hasMessage("the operator NOT =");
        assertThatThrownBy(() -> single("[file:size = 3]")).hasMessage("a int value");
    }

    @Test
    void reportsWhereAPatternBreaksTheGrammar() {
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value = 'a.com'"))
                .isInstanceOf(StixPattern.SyntaxException.class).hasMessage("expected ']' at column 29");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value = 'a.com]"))
                .hasMessage("unterminated string at column 22");
        assertThatThrownBy(() -> StixPattern.parse("[domain-name:value ~ 'a']"))
                .hasMessage("expected a comparison operator at column 20");
        assertThatThrownBy(() -> StixPattern.parse("domain-name:value = 'a'"))
                .hasMessage("expected '[' to start an observation at column 1");
        assertThatThrownBy(() -> StixPattern.parse("[x:y = 'a\\n']")).hasMessageStartingWith("invalid escape");
    }
}
