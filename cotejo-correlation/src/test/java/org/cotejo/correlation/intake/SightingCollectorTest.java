package org.cotejo.correlation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Detector;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.warninglist.WarningLists;
import org.junit.jupiter.api.Test;

class SightingCollectorTest {
    private static Record record(String module, String locator, Instant time, ObservedValue... values) {
        return new Record(module, Fields.builder().put("x", locator).build(), new Provenance("3d/3d0d", "HomeDomain/Library/SMS/sms.db", "ab", locator),
                List.of(values), time == null ? List.of() : List.of(new TimelineEvent(time, module, "seen", locator)));
    }

    private static ObservedValue seen(ObservableType type, String raw, TraceClass trace) {
        return new ObservedValue(type.normalise(raw), "f", trace);
    }

    @Test
    void aDevicesEvidenceKeepsOperatorLevelValuesAndMatchedOnesWithCountsTimesAndTheirIndicators() {
        var feed = FeedReader.defaults().read("spy.txt", "exploit-delivery.net\n".getBytes(StandardCharsets.UTF_8));
        var processes = FeedReader.defaults().listType(ObservableType.PROCESS_NAME).read("processes.txt", "bh\n".getBytes(StandardCharsets.UTF_8));
        IndicatorIndex index = IndicatorIndex.of(java.util.stream.Stream.concat(feed.indicators().stream(), processes.indicators().stream()).toList());
        Detector detector = new Detector(index, WarningLists.curated(), List.of(), new HeuristicContext(null, new ModuleOptions(false), true));
        SightingCollector collector = new SightingCollector();
        Instant t1 = Instant.parse("2024-03-01T10:00:00Z");
        Instant t2 = Instant.parse("2024-03-05T10:00:00Z");
        List<Record> records = List.of(
                record("sms", "ROWID 1", t2, seen(ObservableType.URL, "https://track.exploit-delivery.net/p/1", TraceClass.DELIVERY)),
                record("sms", "ROWID 2", t1, seen(ObservableType.URL, "https://track.exploit-delivery.net/p/1", TraceClass.DELIVERY),
                        seen(ObservableType.DOMAIN, "news.example.org", TraceClass.BROWSING)),
                record("datausage", "ROWID 7", t1, seen(ObservableType.PROCESS_NAME, "bh", TraceClass.EXECUTION)),
                record("filesystem", "entry 9", null, seen(ObservableType.FILE_PATH, "/usr/libexec/ordinary", TraceClass.FILESYSTEM)));
        for (Record r : records) {
            detector.accept(r);
            collector.accept(r);
        }

        var findings = detector.finish();
        DeviceEvidence e = collector.finish(new DeviceRef("00008030-001A", "minister-1", "ES", "ios"), findings, List.of("results/"));

        assertThat(e.sightings()).extracting(s -> s.value().toString())
                .containsExactly("domain:news.example.org", "url:https://track.exploit-delivery.net/p/1", "process:bh");
        Sighting url = e.sightings().get(1);
        assertThat(url.count()).isEqualTo(2);
        assertThat(url.firstSeen()).isEqualTo(t1);
        assertThat(url.lastSeen()).isEqualTo(t2);
        assertThat(url.example()).isEqualTo("sms: HomeDomain/Library/SMS/sms.db (ROWID 1)");
        assertThat(url.matches()).singleElement().satisfies(m -> {
            assertThat(m.collection()).isEqualTo("spy.txt");
            assertThat(m.feedSha256()).isEqualTo(feed.sha256());
            assertThat(m.disposition()).isEqualTo(Disposition.EVIDENCE);
        });
        assertThat(e.sightings().get(0).matches()).as("an unknown value is kept, unmatched, for pivots").isEmpty();
        assertThat(e.sightings().get(2).trace()).isEqualTo(TraceClass.EXECUTION);
        assertThat(e.sightings().get(2).isEvidence()).isTrue();
        assertThat(collector.unkept()).as("the unmatched path is counted, not kept").isEqualTo(2);
        assertThat(e.verdict()).isEqualTo(findings.verdict().verdict());
    }
}
