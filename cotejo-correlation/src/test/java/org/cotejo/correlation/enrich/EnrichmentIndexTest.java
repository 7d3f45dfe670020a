package org.cotejo.correlation.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentIndexTest {
    private static final EnrichmentSource SOURCE = new EnrichmentSource(EnrichmentSource.Kind.PASSIVE_DNS, "f", "0".repeat(64), "s", null, 3);

    private static DnsResolution r(String domain, String ip, long line) {
        return new DnsResolution(domain, ip, line == 1 ? null : Instant.ofEpochSecond(line * 1000), null, new Fact(SOURCE, line));
    }

    @Test
    void answersInAStableOrderWhateverTheOrderOfTheFacts() {
        EnrichmentIndex a = EnrichmentIndex.builder().resolution(r("a.example", "192.0.2.2", 2)).resolution(r("a.example", "192.0.2.1", 3))
                .resolution(r("b.example", "192.0.2.1", 1)).build();
        EnrichmentIndex b = EnrichmentIndex.builder().resolution(r("b.example", "192.0.2.1", 1)).resolution(r("a.example", "192.0.2.1", 3))
                .resolution(r("a.example", "192.0.2.2", 2)).build();
        assertThat(a.resolutions("a.example")).extracting(DnsResolution::ip).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(a.domainsOn("192.0.2.1")).extracting(DnsResolution::domain).containsExactly("a.example", "b.example");
        assertThat(a.resolutions("a.example")).isEqualTo(b.resolutions("a.example"));
        assertThat(a.domainsOn("192.0.2.1")).isEqualTo(b.domainsOn("192.0.2.1"));
    }

    @Test
    void aBuilderBuildsOnceSoNothingCanChangeTheIndexAfterwards() {
        EnrichmentIndex.Builder builder = EnrichmentIndex.builder().resolution(r("a.example", "192.0.2.1", 1));
        EnrichmentIndex index = builder.build();
        assertThatThrownBy(() -> builder.resolution(r("a.example", "192.0.2.9", 2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThat(index.resolutions("a.example")).extracting(DnsResolution::ip).containsExactly("192.0.2.1");
        List<DnsResolution> answer = index.resolutions("a.example");
        assertThatThrownBy(() -> answer.add(r("x.example", "192.0.2.3", 3))).isInstanceOf(UnsupportedOperationException.class);
    }
}
