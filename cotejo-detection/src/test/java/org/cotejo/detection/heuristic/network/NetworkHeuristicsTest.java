package org.cotejo.detection.heuristic.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.detection.Detector;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.detection.heuristic.Heuristics;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.ModuleRunner;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.network.logs.SuricataEve;
import org.cotejo.forensics.network.logs.ZeekLogs;
import org.cotejo.forensics.record.Record;
import org.cotejo.indicators.index.IndicatorIndex;
import org.cotejo.indicators.warninglist.WarningLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network heuristics over small Zeek logs and EVE files, run through the real modules and the detector. */
class NetworkHeuristicsTest {
    private static final Collection FEED = new Collection("feed--1", "Predator", "", "predator.stix2", "a".repeat(64), null, null, null);

    @TempDir Path root;

    private static IndicatorIndex index(String... domains) {
        List<Indicator> list = new ArrayList<>();
        for (int i = 0; i < domains.length; i++) {
            list.add(new Indicator("indicator--" + i, ObservableType.DOMAIN.normalise(domains[i]), FEED, "indicator--" + i));
        }
        return IndicatorIndex.of(list);
    }

    private static List<Alert> alerts(Extraction x, IndicatorIndex index, String heuristic) throws Exception {
        try (x) {
            Detector d = new Detector(index, WarningLists.curated(), Heuristics.installed(), new HeuristicContext(x, ModuleOptions.DEFAULT, true));
            List<ArtifactModule> modules = Modules.installed().select(x.kind(), List.of());
            new ModuleRunner(ModuleOptions.DEFAULT).run(x, modules, new RunListener() {
                @Override public void record(Record r) { d.accept(r); }
                @Override public void problem(ModuleProblem p) { throw new AssertionError(p.describe()); }
            });
            return d.finish().alerts().stream().filter(a -> a.heuristic().equals(heuristic)).toList();
        }
    }

    private Path zeek(String log, String columns, String... rows) throws Exception {
        Path dir = Files.createDirectories(root.resolve("zeek"));
        StringBuilder b = new StringBuilder("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t" + log + "\n");
        String[] nt = columns.split(" ");
        b.append("#fields");
        for (String c : nt) b.append('\t').append(c, 0, c.lastIndexOf(':'));
        b.append("\n#types");
        for (String c : nt) b.append('\t').append(c.substring(c.lastIndexOf(':') + 1));
        b.append('\n');
        for (String r : rows) b.append(r.replace(' ', '\t')).append('\n');
        Files.writeString(dir.resolve(log + ".log"), b);
        return dir;
    }

    private static final String CONN = "ts:time uid:string id.orig_h:addr id.orig_p:port id.resp_h:addr id.resp_p:port proto:enum";
    private static final String DNS = "ts:time uid:string id.orig_h:addr id.resp_h:addr query:string answers:vector[string]";
    private static final String SSL = "ts:time uid:string id.orig_h:addr id.orig_p:port id.resp_h:addr id.resp_p:port server_name:string"
            + " validation_status:string subject:string cert_chain_fps:vector[string]";

    @Test
    void flagsSteadyCheckInsToOneServerButNotIrregularTraffic() throws Exception {
        List<String> rows = new ArrayList<>();
        long[] jitter = {0, 1, -1, 2, 0, 1, -2, 1, 0, 1};
        for (int i = 0; i < 10; i++) rows.add((1735732800L + i * 60 + jitter[i]) + ".0 C" + i + " 10.0.0.5 5000" + i + " 203.0.113.50 443 tcp");
        long[] irregular = {0, 5, 300, 320, 900, 1000, 1700, 1710, 2500};
        for (int i = 0; i < irregular.length; i++) rows.add((1735732800L + irregular[i]) + ".0 D" + i + " 10.0.0.5 6000" + i + " 198.51.100.20 443 tcp");

        List<Alert> alerts = alerts(ZeekLogs.open(zeek("conn", CONN, rows.toArray(String[]::new))), index(), "network.beaconing");

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.LOW);
            assertThat(a.message()).startsWith("Connections 10.0.0.5 -> 203.0.113.50 repeat every 61 s (10 connections")
                    .contains("zeek_conn").endsWith("periodic beaconing");
            assertThat(a.record().provenance().locator()).isEqualTo("line 8");
        });
    }

    @Test
    void aKnownBadNameResolvingToAnUnlistedAddressIsNewInfrastructure() throws Exception {
        Path dir = zeek("dns", DNS,
                "1735732800.0 C1 10.0.0.5 10.0.0.1 c2.evil.example 203.0.113.7,203.0.113.8",
                "1735732801.0 C2 10.0.0.5 10.0.0.1 c2.evil.example 203.0.113.7",
                "1735732802.0 C3 10.0.0.5 10.0.0.1 news.example 192.0.2.80");

        List<Alert> alerts = alerts(ZeekLogs.open(dir), index("evil.example"), "network.known-bad-name-new-address");

        assertThat(alerts).extracting(Alert::message).containsExactly(
                "DNS answer points c2.evil.example (indicator indicator--0 (evil.example) of Predator) at 203.0.113.7, an address no"
                        + " indicator lists, for 10.0.0.5 (dns.log, line 8): new infrastructure of a known-bad name",
                "DNS answer points c2.evil.example (indicator indicator--0 (evil.example) of Predator) at 203.0.113.8, an address no"
                        + " indicator lists, for 10.0.0.5 (dns.log, line 8): new infrastructure of a known-bad name");
        assertThat(alerts(ZeekLogs.open(dir), index(), "network.known-bad-name-new-address")).isEmpty();
    }

    @Test
    void tlsToABareAddressOrWithASelfSignedCertificateFromThePhone() throws Exception {
        Path dir = zeek("ssl", SSL,
                "1735732800.0 C1 10.0.0.5 50000 203.0.113.9 8443 - ok - -",
                "1735732801.0 C2 10.0.0.5 50001 198.51.100.3 443 c2.example.net self\\x20signed\\x20certificate CN=c2 -",
                "1735732802.0 C3 10.0.0.5 50002 192.0.2.10 443 www.example.org ok CN=www.example.org -",
                "1735732803.0 C4 203.0.113.1 50003 198.51.100.3 443 - ok - -");

        List<Alert> alerts = alerts(ZeekLogs.open(dir), index(), "network.tls-bare-ip-or-self-signed");

        assertThat(alerts).extracting(Alert::level, Alert::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.LOW, "TLS from 10.0.0.5 to 203.0.113.9:8443 without a server name (a bare IP address) (ssl.log, line 8)"),
                org.assertj.core.groups.Tuple.tuple(Level.MEDIUM, "TLS from 10.0.0.5 to 198.51.100.3:443 (c2.example.net) with a self-signed certificate"
                        + " (subject CN=c2) (ssl.log, line 9)"));
    }

    @Test
    void suricataTlsWithSubjectEqualToIssuerIsSelfSigned() throws Exception {
        Path eve = Files.writeString(root.resolve("eve.json"), "{\"timestamp\": \"2025-01-01T12:00:00.000000+0000\", \"event_type\": \"tls\","
                + " \"src_ip\": \"192.168.1.20\", \"src_port\": 40000, \"dest_ip\": \"198.51.100.3\", \"dest_port\": 443,"
                + " \"tls\": {\"sni\": \"c2.example.net\", \"subject\": \"CN=c2\", \"issuerdn\": \"CN=c2\"}}\n");

        List<Alert> alerts = alerts(SuricataEve.open(eve), index(), "network.tls-bare-ip-or-self-signed");

        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message()).contains("self-signed").contains("eve.json, line 1"));
    }

    @Test
    void anUnlistedDomainOnTheAddressOrCertificateOfADetectedOneIsFlagged() throws Exception {
        Path dir = zeek("dns", DNS,
                "1735732800.0 C1 10.0.0.5 10.0.0.1 c2.evil.example 203.0.113.7",
                "1735732801.0 C2 10.0.0.5 10.0.0.1 cdn-update.example 203.0.113.7",
                "1735732802.0 C3 10.0.0.5 10.0.0.1 news.example 192.0.2.80");
        zeek("ssl", SSL,
                "1735732803.0 C4 10.0.0.5 50001 198.51.100.3 443 c2.evil.example ok CN=x " + "ab".repeat(32),
                "1735732804.0 C5 10.0.0.5 50002 198.51.100.4 443 login-secure.example ok CN=x " + "ab".repeat(32));

        List<Alert> alerts = alerts(ZeekLogs.open(dir), index("evil.example"), "network.shared-infrastructure");

        assertThat(alerts).extracting(Alert::message).containsExactly(
                "cdn-update.example shares address 203.0.113.7 with c2.evil.example (indicator indicator--0 (evil.example) of Predator);"
                        + " no indicator lists cdn-update.example, first seen dns.log, line 9",
                "login-secure.example shares certificate " + "ab".repeat(32) + " with c2.evil.example (indicator indicator--0 (evil.example)"
                        + " of Predator); no indicator lists login-secure.example, first seen ssl.log, line 9");
    }
}
