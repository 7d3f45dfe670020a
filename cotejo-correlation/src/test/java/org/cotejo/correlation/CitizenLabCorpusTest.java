package org.cotejo.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.enrich.DnsResolution;
import org.cotejo.correlation.enrich.EnrichmentIndex;
import org.cotejo.correlation.enrich.EnrichmentSource;
import org.cotejo.correlation.enrich.Fact;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.model.MatchRef;
import org.cotejo.correlation.model.Sighting;
import org.cotejo.detection.Disposition;
import org.cotejo.detection.Verdict;
import org.cotejo.indicators.feed.Feed;
import org.cotejo.indicators.feed.FeedReader;
import org.cotejo.forensics.record.TraceClass;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's corpus test: Citizen Lab's labelled subsets (2016 NSO "Million Dollar Dissident", 2017 Mexico
 * "Reckless Exploit", 2018 "The Kingdom Came to Canada") used as three operators' infrastructure in a
 * simulated population are separated; Amnesty's 2018 domain→IP list is the passive DNS.
 *
 * <p>The data, read as is: the three reports' domains are the operators' infrastructure and the reports
 * are the published feeds (read with the project's {@link FeedReader}). Four domains of the 2016 list
 * (Mexican themes: {@code ideas-telcel.com.mx}, {@code iusacell-movil.com.mx}, {@code unonoticias.net},
 * {@code fb-accounts.com}) reappear in Reckless Exploit: the 2016 report listed every NSO server Citizen Lab
 * found, not one customer's, so they are taken as the Mexican operator's. KINGDOM's 20 domains sit in 8
 * /24s that hold other 2018 NSO domains (attribution.md §1.7 data check); phones of a fourth group use
 * those co-located domains, so that a shared /24 is there to (wrongly) merge operators, and must not.
 * Every phone of every operator shows the same Pegasus process name (same tool).
 */
class CitizenLabCorpusTest {
    private static final Instant T0 = Instant.parse("2018-06-01T10:00:00Z");
    private static final String NSO_2016 = "iocs/citizenlab/201608_NSO_Group/iocs.csv";
    private static final String RECKLESS = "iocs/citizenlab/201706_RecklessExploit/iocs.csv";
    private static final String KINGDOM = "iocs/citizenlab/201810_TheKingdomCameToCanada/iocs.csv";
    private static final String AMNESTY_2018 = "iocs/amnesty/2018-08-01_nso/indicators.csv";
    private static final MatchRef PROCESS = new MatchRef("pegasus-process-bh", "Pegasus processes (test)", "d".repeat(64), "Pegasus",
            Optional.empty(), Disposition.EVIDENCE);

    private static Path corpus() {
        String root = System.getenv("COTEJO_CORPUS");
        Path p = root == null ? null : Path.of(root);
        Assumptions.assumeTrue(p != null && Files.exists(p.resolve(KINGDOM)) && Files.exists(p.resolve(AMNESTY_2018)),
                "COTEJO_CORPUS is not set or has no " + KINGDOM + " and " + AMNESTY_2018 + ": skipping the Citizen Lab corpus test");
        return p;
    }

    /** The domains of one report, each with the report's indicator for it, in file order. */
    private static Map<String, MatchRef> domains(Path corpus, String file) {
        Feed feed = FeedReader.defaults().retrieved(T0).read(corpus.resolve(file));
        Map<String, MatchRef> out = new LinkedHashMap<>();
        for (Indicator i : feed.indicators()) {
            if (i.value().type() != ObservableType.DOMAIN) continue;
            out.put(i.value().value(), new MatchRef(i.id(), i.collection().name(), feed.sha256(), "Pegasus", Optional.empty(), Disposition.EVIDENCE));
        }
        return out;
    }

    private record World(List<DeviceEvidence> devices, Map<String, String> operatorOf, EnrichmentIndex pdns,
                         Map<String, Set<String>> domainsOf) {}

    private static World world(Path corpus) throws IOException {
        Map<String, MatchRef> nso = domains(corpus, NSO_2016), reckless = domains(corpus, RECKLESS), kingdom = domains(corpus, KINGDOM);
        assertThat(nso).hasSizeGreaterThanOrEqualTo(40);
        assertThat(reckless).hasSize(10);
        assertThat(kingdom).hasSize(20);
        nso.keySet().removeAll(reckless.keySet()); // see the class comment

        // Amnesty's 2018 list: domain,ip pairs as passive DNS without time windows.
        Path amnesty = corpus.resolve(AMNESTY_2018);
        List<String> lines = Files.readAllLines(amnesty);
        EnrichmentSource source = new EnrichmentSource(EnrichmentSource.Kind.PASSIVE_DNS, AMNESTY_2018, sha256(Files.readAllBytes(amnesty)),
                "Amnesty International, 2018-08-01 NSO indicators (CC-BY 2.0)", LocalDate.of(2018, 8, 1), lines.size() - 1);
        EnrichmentIndex.Builder pdns = EnrichmentIndex.builder().source(source);
        Map<String, String> ipOf = new TreeMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).replace("\"", "").split(",");
            if (f.length < 2) continue;
            String domain = ObservableType.DOMAIN.normalise(f[0].trim()).value();
            ipOf.put(domain, f[1].trim());
            pdns.resolution(new DnsResolution(domain, f[1].trim(), null, null, new Fact(source, n + 1)));
        }
        // The fourth group: other 2018 domains in KINGDOM's /24s.
        Set<String> kingdomNets = new TreeSet<>();
        for (String d : kingdom.keySet()) kingdomNets.add(net(ipOf.get(d)));
        Map<String, MatchRef> colocated = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ipOf.entrySet()) {
            if (!kingdom.containsKey(e.getKey()) && kingdomNets.contains(net(e.getValue()))) {
                colocated.put(e.getKey(), new MatchRef("amnesty-2018-" + e.getKey(), "Amnesty NSO 2018 (test)", source.sha256(), "Pegasus",
                        Optional.empty(), Disposition.EVIDENCE));
            }
        }
        assertThat(kingdomNets).hasSize(8);
        assertThat(colocated).hasSizeGreaterThanOrEqualTo(60);

        Map<String, Map<String, MatchRef>> operators = new LinkedHashMap<>();
        operators.put("UAE-2016", nso);
        operators.put("MX-Reckless", reckless);
        operators.put("KINGDOM", kingdom);
        operators.put("co-located-2018", colocated);
        Map<String, MatchRef> anyMatch = new HashMap<>();
        operators.values().forEach(anyMatch::putAll);

        Random rnd = new Random(2018);
        List<DeviceEvidence> devices = new ArrayList<>();
        Map<String, String> operatorOf = new TreeMap<>();
        Map<String, Set<String>> domainsOf = new TreeMap<>();
        String[] country = {"AE", "MX", "CA", "SA"};
        int k = 0;
        for (Map.Entry<String, Map<String, MatchRef>> op : operators.entrySet()) {
            List<String> infra = new ArrayList<>(op.getValue().keySet());
            for (int t = 0; t < 12; t++) { // 48 targets: the shared process name stays under the fan-out cap of 50
                String id = op.getKey() + "-" + t;
                List<Sighting> s = new ArrayList<>(benign(rnd));
                s.add(sighting(ObservableType.PROCESS_NAME, "bh", TraceClass.EXECUTION, List.of(PROCESS)));
                Set<String> used = new TreeSet<>();
                for (int i = 1 + (rnd.nextInt(3) == 0 ? 1 : 0); i > 0; i--) {
                    // Skewed use: the operator's first domains reach most targets, as a favourite lure domain does.
                    String d = infra.get((int) Math.floor(Math.pow(rnd.nextDouble(), 3) * infra.size()));
                    if (!used.add(d)) continue;
                    s.add(sighting(ObservableType.DOMAIN, d, TraceClass.DELIVERY, List.of(op.getValue().get(d))));
                    s.add(sighting(ObservableType.URL, "https://" + d + "/" + Integer.toString(rnd.nextInt(1 << 30), 36), TraceClass.DELIVERY,
                            List.of(op.getValue().get(d))));
                }
                devices.add(device(id, country[k], Verdict.INFECTED, s));
                operatorOf.put(id, op.getKey());
                domainsOf.put(id, used);
            }
            k++;
        }
        List<String> published = new ArrayList<>(anyMatch.keySet());
        published.sort(null);
        for (int j = 0; j < 6; j++) { // journalists who opened published domains: exposure, never clustered
            List<Sighting> s = new ArrayList<>(benign(rnd));
            for (int i = 0; i < 3; i++) {
                String d = published.get(rnd.nextInt(published.size()));
                MatchRef m = anyMatch.get(d);
                s.add(sighting(ObservableType.DOMAIN, d, TraceClass.BROWSING, List.of(new MatchRef(m.indicatorId(), m.collection(),
                        m.feedSha256(), m.threat(), Optional.empty(), Disposition.EXPOSURE))));
            }
            devices.add(device("journalist-" + j, "FR", Verdict.NOTHING_FOUND, dedupe(s)));
        }
        for (int j = 0; j < 120; j++) devices.add(device("clean-" + j, country[j % 4], Verdict.NOTHING_FOUND, benign(rnd)));
        return new World(devices, operatorOf, pdns.build(), domainsOf);
    }

    @Test
    void theThreeLabelledOperatorsAndTheirHostingNeighboursAreSeparated() throws IOException {
        World w = world(corpus());
        for (CorrelationOptions options : List.of(CorrelationOptions.defaults(), Worlds.PRIORS)) {
            CorrelationResult r = Correlator.correlate(w.devices(), w.pdns(), options);
            Map<String, String> clusterOf = new HashMap<>();
            for (Cluster c : r.clusters()) {
                TreeSet<String> ops = new TreeSet<>();
                for (DeviceRef d : c.devices()) {
                    assertThat(w.operatorOf()).as("only targets are clustered").containsKey(d.id());
                    ops.add(w.operatorOf().get(d.id()));
                    clusterOf.put(d.id(), c.id());
                }
                assertThat(ops).as("operators in cluster %s (%s)", c.id(), c.statement()).hasSize(1);
            }
            // Each operator's targets that share a domain are together: its clusters are exactly the components
            // of its "shares a domain" graph (no more split, and, above, never mixed with another operator).
            for (String op : new TreeSet<>(w.operatorOf().values())) {
                List<String> ids = w.operatorOf().entrySet().stream().filter(e -> e.getValue().equals(op)).map(Map.Entry::getKey).toList();
                for (String a : ids) {
                    for (String b : ids) {
                        if (a.compareTo(b) >= 0 || java.util.Collections.disjoint(w.domainsOf().get(a), w.domainsOf().get(b))) continue;
                        assertThat(clusterOf.get(a)).as("%s and %s share a domain of %s", a, b, op).isNotNull().isEqualTo(clusterOf.get(b));
                    }
                }
            }
            Map<String, List<Integer>> sizes = new TreeMap<>();
            r.clusters().forEach(c -> sizes.computeIfAbsent(w.operatorOf().get(c.devices().get(0).id()), x -> new ArrayList<>()).add(c.devices().size()));
            System.out.printf("Citizen Lab corpus world (%s): %d devices, clusters per operator (sizes) %s, %d pairs weighed, %d links%n",
                    options.calibration().name(), w.devices().size(), sizes, r.links().size(), r.linkCount());
            TreeSet<String> clusteredOperators = new TreeSet<>();
            r.clusters().forEach(c -> clusteredOperators.add(w.operatorOf().get(c.devices().get(0).id())));
            assertThat(clusteredOperators).containsExactly("KINGDOM", "MX-Reckless", "UAE-2016", "co-located-2018");
            // The /24s KINGDOM shares with other NSO domains are weak and never link on their own.
            assertThat(r.links()).filteredOn(l -> l.link()).allSatisfy(l -> assertThat(w.operatorOf().get(l.a().id()))
                    .isEqualTo(w.operatorOf().get(l.b().id())));
            assertThat(r.links()).filteredOn(l -> !w.operatorOf().get(l.a().id()).equals(w.operatorOf().get(l.b().id())))
                    .allSatisfy(l -> assertThat(l.link()).isFalse());
            assertThat(r.sameTool()).singleElement().satisfies(t -> assertThat(t.devices()).hasSize(w.operatorOf().size()));
        }
        // Asked directly, a KINGDOM target and a co-located neighbour share only weak hosting and the tool.
        String kingdomTarget = w.operatorOf().keySet().stream().filter(id -> id.startsWith("KINGDOM")).findFirst().orElseThrow();
        String neighbour = w.operatorOf().keySet().stream().filter(id -> id.startsWith("co-located")).findFirst().orElseThrow();
        var pair = Correlator.compare(w.devices(), w.pdns(), CorrelationOptions.defaults(), kingdomTarget, neighbour);
        assertThat(pair.log10Lr()).isLessThan(CorrelationOptions.defaults().linkLog10());
        assertThat(pair.items()).allSatisfy(i -> assertThat(i.item().kind().isWeak() || i.item().kind().isTool()).isTrue());
    }

    private static String net(String ip) {
        return ip.substring(0, ip.lastIndexOf('.'));
    }

    private static List<Sighting> benign(Random rnd) {
        List<Sighting> s = new ArrayList<>();
        for (int i = 0; i < 12; i++) s.add(sighting(ObservableType.DOMAIN, "site" + (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 400) + ".org",
                TraceClass.BROWSING, List.of()));
        return dedupe(s);
    }

    private static List<Sighting> dedupe(List<Sighting> s) {
        Map<Observable, Sighting> one = new LinkedHashMap<>();
        for (Sighting x : s) one.putIfAbsent(x.value(), x);
        return new ArrayList<>(one.values());
    }

    private static Sighting sighting(ObservableType type, String value, TraceClass trace, List<MatchRef> matches) {
        return new Sighting(type.normalise(value), trace, 1, T0, T0.plusSeconds(3600), "test: " + trace, matches);
    }

    private static DeviceEvidence device(String id, String group, Verdict verdict, List<Sighting> s) {
        return new DeviceEvidence(new DeviceRef(id, id, group, "ios"), verdict, dedupe(s), List.of("corpus world " + id));
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
