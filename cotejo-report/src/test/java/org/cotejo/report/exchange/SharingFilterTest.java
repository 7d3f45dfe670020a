package org.cotejo.report.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.forensics.record.TraceClass;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.TimelinePoint;
import org.junit.jupiter.api.Test;

class SharingFilterTest {
    static final String UDID = "00008030-001A35E22EE8802E";
    static final Instant T = Instant.parse("2024-05-02T10:15:00Z");
    static final Pseudonyms PSEUDONYMS = Pseudonyms.withSecret("test secret".getBytes(StandardCharsets.UTF_8));
    static final MatchRef PEGASUS = new MatchRef("indicator--1", "NSO Group Pegasus", "ab".repeat(32), "Pegasus", Optional.empty(),
            Disposition.EVIDENCE);

    static Sighting sighting(ObservableType type, String value, TraceClass trace, String example, MatchRef... matches) {
        return new Sighting(type.normalise(value), trace, 1, T, T, example, List.of(matches));
    }

    /** An infected phone whose SMS database holds a lure, another link from a friend and a contact's address. */
    static DeviceEvidence phone() {
        return new DeviceEvidence(new DeviceRef(UDID, UDID, "FR", "ios"), Verdict.INFECTED, List.of(
                sighting(ObservableType.URL, "https://lure-news.example/a/1", TraceClass.DELIVERY, "sms: sms.db (row 12)", PEGASUS),
                sighting(ObservableType.URL, "https://holiday-photos.example/album", TraceClass.DELIVERY, "sms: sms.db (row 13)"),
                sighting(ObservableType.EMAIL, "marie.dupont@example.fr", TraceClass.DELIVERY, "sms: sms.db (row 14)"),
                sighting(ObservableType.DOMAIN, "recipes.example", TraceClass.BROWSING, "safari_history: History.db (row 3)"),
                sighting(ObservableType.PROCESS_NAME, "bh", TraceClass.EXECUTION, "datausage: DataUsage.sqlite (row 7)", PEGASUS),
                sighting(ObservableType.PROCESS_NAME, "roleaccountd", TraceClass.EXECUTION, "datausage: DataUsage.sqlite (row 8)"),
                sighting(ObservableType.DOMAIN, "cdn-unknown.example", TraceClass.NETWORK, "netusage: netusage.sqlite (row 2)")),
                List.of("/home/analyst/cases/fr/vault/" + UDID));
    }

    @Test
    void theLureStaysAsItsOneValueAndTheRestOfTheMessagesGo() {
        DeviceEvidence shared = new SharingFilter(Tlp.AMBER, PSEUDONYMS).evidence(phone());
        assertThat(shared.sightings()).extracting(s -> s.value().value())
                .contains("https://lure-news.example/a/1")
                .doesNotContain("https://holiday-photos.example/album", "marie.dupont@example.fr", "recipes.example");
    }

    @Test
    void unmatchedDeviceTracesArePivotMaterialUnderAmberOnly() {
        var amber = new SharingFilter(Tlp.AMBER, PSEUDONYMS).evidence(phone());
        assertThat(amber.sightings()).extracting(s -> s.value().value()).contains("bh", "roleaccountd", "cdn-unknown.example");
        var green = new SharingFilter(Tlp.GREEN, PSEUDONYMS).evidence(phone());
        assertThat(green.sightings()).extracting(s -> s.value().value()).containsExactlyInAnyOrder("https://lure-news.example/a/1", "bh");
    }

    @Test
    void anExposedDeviceSharesOnlyItsMatches() {
        DeviceEvidence p = phone();
        DeviceEvidence exposed = new DeviceEvidence(p.device(), Verdict.NOTHING_FOUND, p.sightings(), p.sources());
        assertThat(new SharingFilter(Tlp.RED, PSEUDONYMS).evidence(exposed).sightings())
                .allMatch(s -> !s.matches().isEmpty());
    }

    @Test
    void theDeviceIsNamedByAKeyedPseudonymNeverItsUdidAndTheSendersPathsGo() {
        DeviceEvidence shared = new SharingFilter(Tlp.AMBER, PSEUDONYMS).evidence(phone());
        assertThat(shared.device().id()).startsWith("dev-").doesNotContain(UDID);
        assertThat(shared.device().label()).isEqualTo(shared.device().id());
        assertThat(shared.device().group()).isEqualTo("FR");
        assertThat(shared.sources()).isEmpty();
        assertThat(PSEUDONYMS.device(UDID)).isEqualTo(shared.device().id())
                .isNotEqualTo(Pseudonyms.withSecret(new byte[] {1}).device(UDID));
        var named = new DeviceEvidence(new DeviceRef(UDID, "FR-03", "FR", "ios"), Verdict.INFECTED, List.of(), List.of());
        assertThat(new SharingFilter(Tlp.AMBER, PSEUDONYMS).evidence(named).device().label()).isEqualTo("FR-03");
    }

    @Test
    void findingsKeepTheirMatchesButNotTheMessageTextContactNamesOrIdentifiers() {
        Finding lure = new Finding("detection", "high", "evidence", "delivery traces", "SMS", "url", "https://lure-news.example/a/1",
                "lure-news.example", "indicator--1", "NSO Group Pegasus", "ab".repeat(32), "subdomain",
                "Backup/" + UDID + "/3d/3d0d7e5fb2ce288813306e4d4636395e047a3d28", "cd".repeat(32), "row 12", T,
                "SMS from Marie Dupont (+33 6 12 34 56 78): \"Votre colis vous attend https://lure-news.example/a/1\"", "Pegasus");
        Finding smsAlert = new Finding("alert", "medium", "", "delivery traces", "SMS", "", "", "", "", "", "", "sms-short-link",
                "sms.db", "", "row 13", T.plusSeconds(60), "short link in a message from Jean: \"on dîne ce soir ? bit.ly/x\"", "");
        Finding processAlert = new Finding("alert", "high", "", "process traces", "DataUsage", "", "", "", "", "", "", "process-no-bundle",
                "DataUsage.sqlite", "", "row 8", T.plusSeconds(120), "process roleaccountd ran without an app bundle", "");
        DeviceEntry entry = new DeviceEntry(new DeviceRef(UDID, "FR-03", "FR", "ios"), Verdict.INFECTED, "two-classes",
                List.of("indicator evidence in delivery and process traces"),
                List.of(new EvidenceEntry("ev-1", "ios-backup", UDID, "ef".repeat(32), 120, 9_000, "Analyst 7", T, "Finder backup", "Finder")),
                List.of(lure, smsAlert, processAlert),
                List.of(new TimelinePoint(T, "high", "delivery traces", "SMS from Marie Dupont")));

        DeviceEntry shared = new SharingFilter(Tlp.AMBER, PSEUDONYMS).entry(entry);
        String all = DeviceFindingsJsonTest.text(shared);

        assertThat(all).doesNotContain("Marie", "Dupont", "Jean", "colis", "dîne", "+33", "12 34 56 78", UDID);
        assertThat(shared.findings()).hasSize(3);
        assertThat(shared.findings().get(0).value()).isEqualTo("https://lure-news.example/a/1");
        assertThat(shared.findings().get(0).message())
                .isEqualTo("url \"https://lure-news.example/a/1\" matched indicator indicator--1 of NSO Group Pegasus");
        assertThat(shared.findings().get(0).sourceSha256()).isEqualTo("cd".repeat(32));
        assertThat(shared.findings().get(0).threat()).isEqualTo("Pegasus");
        assertThat(shared.findings().get(1).message()).contains("sms-short-link").contains("not shared");
        assertThat(shared.findings().get(2).message()).isEqualTo("process roleaccountd ran without an app bundle");
        assertThat(shared.evidence().get(0).name()).startsWith("id-");
        assertThat(shared.evidence().get(0).sha256()).isEqualTo("ef".repeat(32));
        assertThat(shared.timeline()).extracting(TimelinePoint::label)
                .containsExactly("url https://lure-news.example/a/1", "SMS sms-short-link", "DataUsage process-no-bundle");
    }
}
