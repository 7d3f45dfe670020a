package org.cotejo.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.warninglist.WarningLists;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private static final Collection PEGASUS = new Collection("malware--1", "Pegasus", "", "pegasus.stix2",
            "a".repeat(64), null, null, null);

    /** A test module whose records carry one value of one type in one trace class. */
    record ValueModule(String name, TraceClass trace, ObservableType type) implements ArtifactModule {
        @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP); }
        @Override public String description() { return "test"; }
        @Override public void extract(ModuleContext context) {}
        @Override public List<ObservedValue> observe(Fields f) {
            return new Observations(trace).add(type, "value", f.string("value")).list();
        }
    }

    private static final ValueModule PROCESSES = new ValueModule("Datausage", TraceClass.EXECUTION, ObservableType.PROCESS_NAME);
    private static final ValueModule SMS = new ValueModule("SMS", TraceClass.DELIVERY, ObservableType.URL);
    private static final ValueModule SAFARI = new ValueModule("SafariHistory", TraceClass.BROWSING, ObservableType.URL);

    private static Record record(ArtifactModule m, String value, String... extra) {
        Fields.Builder b = Fields.builder().put("value", value);
        for (int i = 0; i < extra.length; i += 2) b.put(extra[i], extra[i + 1]);
        return Records.of(m, b.build(), new Provenance("3d/3d0d", "HomeDomain/x.db", "b".repeat(64), "row 1"));
    }

    private static Findings detect(List<Heuristic> heuristics, Record... records) {
        IndicatorIndex index = IndicatorIndex.of(List.of(
                new Indicator("indicator--1", ObservableType.PROCESS_NAME.normalise("bh"), PEGASUS, "indicator--1"),
                new Indicator("indicator--2", ObservableType.DOMAIN.normalise("evil-pegasus.com"), PEGASUS, "indicator--2"),
                new Indicator("indicator--3", ObservableType.DOMAIN.normalise("google.com"), PEGASUS, "indicator--3")));
        Detector d = new Detector(index, WarningLists.curated(), heuristics,
                new HeuristicContext(null, ModuleOptions.DEFAULT, true));
        for (Record r : records) d.accept(r);
        return d.finish();
    }

    @Test
    void processAndDeliveryTracesMakeADeviceInfected() {
        Findings f = detect(List.of(), record(PROCESSES, "bh"), record(SMS, "https://x.evil-pegasus.com/a"));
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.INFECTED);
        assertThat(f.detections()).hasSize(2).allMatch(d -> d.disposition() == Disposition.EVIDENCE);
        assertThat(f.detections().get(0).match().indicator().collection().sourceSha256()).isEqualTo("a".repeat(64));
        assertThat(f.detections().get(1).message()).contains("evil-pegasus.com").contains("Pegasus");
    }

    /** A zeek_dns record read through a run's traffic views, as a check of network evidence reads it. */
    private static Record dnsQuery(org.cotejo.forensics.network.traffic.TrafficRecords.Views views, int line, String query) {
        Fields f = Fields.builder().put("timestamp", "2025-01-01 00:00:00.000000").put("id.orig_h", "10.0.0.7").put("query", query)
                .put("answers", List.of("203.0.113.7")).build();
        List<ObservedValue> o = new Observations(TraceClass.NETWORK).add(ObservableType.DOMAIN, "query", query)
                .urlOrHost("answers[0]", "203.0.113.7").list();
        Record r = new Record("zeek_dns", f, new Provenance("dns.log", "dns.log", "c".repeat(64), "line " + line), o, List.of());
        views.prepare(r);
        return r;
    }

    @Test
    void aDnsNameSeenAgainIsMatchedFromItsNotesWithEachSightingsOwnText() {
        var views = new org.cotejo.forensics.network.traffic.TrafficRecords.Views();
        Findings f = detect(List.of(), dnsQuery(views, 1, "evil-pegasus.com"), dnsQuery(views, 2, "WWW.Evil-Pegasus.com."),
                dnsQuery(views, 3, "news.example.org"), dnsQuery(views, 4, "news.example.org"), dnsQuery(views, 5, "evil-pegasus.com"));
        assertThat(f.detections()).extracting(d -> d.record().provenance().locator(), d -> d.observed().observable().raw(),
                        d -> d.match().indicator().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line 1", "evil-pegasus.com", "indicator--2"),
                        org.assertj.core.groups.Tuple.tuple("line 2", "WWW.Evil-Pegasus.com.", "indicator--2"),
                        org.assertj.core.groups.Tuple.tuple("line 5", "evil-pegasus.com", "indicator--2"));
        assertThat(f.detections()).allMatch(d -> d.match().observable() == d.observed().observable());
    }

    @Test
    void processTracesAloneAreInconclusive() {
        assertThat(detect(List.of(), record(PROCESSES, "bh")).verdict().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aMaliciousLinkWithoutImplantTracesIsAnAttempt() {
        assertThat(detect(List.of(), record(SMS, "https://evil-pegasus.com/x")).verdict().verdict()).isEqualTo(Verdict.ATTEMPTED);
    }

    @Test
    void aDomainOnlyVisitedInSafariIsExposureNotInfection() {
        Findings f = detect(List.of(), record(SAFARI, "https://evil-pegasus.com/report-about-pegasus"));
        assertThat(f.detections()).singleElement().satisfies(d -> {
            assertThat(d.disposition()).isEqualTo(Disposition.EXPOSURE);
            assertThat(d.level()).isEqualTo(Level.LOW);
        });
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.NOTHING_FOUND);
        assertThat(f.verdict().reasons()).anyMatch(r -> r.contains("exposure"));
    }

    @Test
    void browsingCorroboratedByProcessTracesStaysEvidence() {
        Findings f = detect(List.of(), record(SAFARI, "https://evil-pegasus.com/x"), record(PROCESSES, "bh"));
        assertThat(f.detections()).allMatch(d -> d.disposition() == Disposition.EVIDENCE);
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.INFECTED);
    }

    @Test
    void anAppWithItsOwnBundleIdNamedLikeASpywareProcessIsANameCollision() {
        Findings f = detect(List.of(), record(PROCESSES, "bh", "bundle_id", "com.example.bh"));
        assertThat(f.detections()).singleElement().satisfies(d -> assertThat(d.disposition()).isEqualTo(Disposition.NAME_COLLISION));
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.NOTHING_FOUND);
    }

    @Test
    void warningListedValuesNeverCount() {
        Findings f = detect(List.of(), record(SMS, "https://mail.google.com/"), record(PROCESSES, "bh"));
        assertThat(f.detections()).filteredOn(d -> d.record().module().equals("sms"))
                .singleElement().satisfies(d -> assertThat(d.disposition()).isEqualTo(Disposition.WARNING_LISTED));
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void heuristicsSeeTheRecordsOfTheirModulesAndFinish() {
        List<String> seen = new ArrayList<>();
        Heuristic h = new Heuristic() {
            @Override public String id() { return "test.count"; }
            @Override public String description() { return "counts"; }
            @Override public Set<String> modules() { return Set.of("sms"); }
            @Override public Session start(HeuristicContext c) {
                return new Session() {
                    Record last;
                    @Override public void inspect(Record r, org.cotejo.detection.heuristic.AlertSink out) { seen.add(r.module()); last = r; }
                    @Override public void finish(org.cotejo.detection.heuristic.AlertSink out) {
                        out.alert(new Alert(Level.HIGH, id(), "saw " + seen.size(), Instant.EPOCH, last));
                    }
                };
            }
        };
        Findings f = detect(List.of(h), record(SMS, "https://a.example/"), record(PROCESSES, "x"), record(SMS, "https://b.example/"));
        assertThat(seen).containsExactly("sms", "sms");
        assertThat(f.alerts()).singleElement().satisfies(a -> assertThat(a.message()).isEqualTo("saw 2"));
        assertThat(f.verdict().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
