package org.cotejo.forensics.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A bulk record's timeline is made on first read, once, and behaves as the list it stands for. */
class LazyTimelineTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void madeOnFirstReadOnlyAndThenKept() {
        AtomicInteger made = new AtomicInteger();
        LazyTimeline lazy = new LazyTimeline(() -> {
            made.incrementAndGet();
            return List.of(new TimelineEvent(T, "zeek_dns", "dns_query", "DNS query for a.example"));
        });
        Record r = new Record("zeek_dns", Fields.builder().put("query", "a.example").build(), new Provenance("dns.log", "dns.log", "ab", "line 9"),
                List.of(), lazy);
        assertThat(made).hasValue(0);
        assertThat(r.timeline()).hasSize(1);
        assertThat(r.timeline().get(0).description()).isEqualTo("DNS query for a.example");
        assertThat(r.timeline()).containsExactlyElementsOf(List.of(new TimelineEvent(T, "zeek_dns", "dns_query", "DNS query for a.example")));
        assertThat(made).hasValue(1);
    }

    @Test
    void aRecordOfOtherListsStillCopiesThem() {
        java.util.ArrayList<TimelineEvent> events = new java.util.ArrayList<>(List.of(new TimelineEvent(T, "sms", "received", "x")));
        Record r = new Record("sms", Fields.builder().build(), new Provenance("f", "f", "ab", "row 1"), List.of(), events);
        events.clear();
        assertThat(r.timeline()).hasSize(1);
    }

    @Test
    void fieldsKeepOneDerivedValueAndIgnoreItInEquality() {
        Fields a = Fields.builder().put("query", "a.example").build();
        Fields b = Fields.builder().put("query", "a.example").build();
        AtomicInteger made = new AtomicInteger();
        assertThat(a.derived(String.class, f -> "view#" + made.incrementAndGet())).isEqualTo("view#1");
        assertThat(a.derived(String.class, f -> "view#" + made.incrementAndGet())).isEqualTo("view#1");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        // a second type is made each time, never replacing the first
        assertThat(a.derived(Integer.class, f -> made.incrementAndGet())).isEqualTo(2);
        assertThat(a.derived(Integer.class, f -> made.incrementAndGet())).isEqualTo(3);
        assertThat(a.derived(String.class, f -> "other")).isEqualTo("view#1");
    }
}
