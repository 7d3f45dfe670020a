package org.cotejo.report.stix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.indicators.feed.JsonBytes;
import org.cotejo.indicators.feed.NameBasedUuid;
import org.cotejo.indicators.feed.StixWriter;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;

/**
 * {@code report.stix.json}: the report as a STIX 2.1 bundle. The agency is the {@code identity} that
 * created every object; the report's TLP 2.0 {@code marking-definition} travels in the bundle and marks
 * every object; each matched indicator is an {@code indicator} that {@code indicates} its
 * {@code malware} family, with a {@code sighting} on each pseudonymised device it matched; each
 * single-source hypothesis is an {@code intrusion-set} (see {@link Hypotheses}).
 *
 * <p>Deterministic: ids are name-based, times are the report's generation time, objects are listed by
 * kind then by a stable key. The mapping is documented in {@code docs/outputs.md}.
 */
public final class StixBundleWriter implements ReportWriter {
    public static final String FILE_NAME = "report.stix.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String description() {
        return "STIX 2.1 bundle: indicators and their sightings on pseudonymised devices, malware, infrastructure, "
                + "and the single-source hypotheses as intrusion sets with a confidence";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(toBytes(report));
    }

    public byte[] toBytes(Report report) {
        return JsonBytes.of(new ObjectMapper(), bundle(report));
    }

    /** The report's TLP, or a one-line error naming what was given. */
    public static Tlp tlpOf(Report report) {
        return Tlp.parse(report.meta().tlp()).orElseThrow(() -> new CotejoException("the report's TLP \"" + report.meta().tlp()
                + "\" is not one of clear, green, amber, amber+strict, red"));
    }

    /** The issuing agency as the outputs name it (STIX identity, MISP Orgc). */
    public static String agencyName(Report report) {
        return report.meta().agency().isBlank() ? "Unnamed examining authority" : report.meta().agency();
    }

    public ObjectNode bundle(Report report) {
        Tlp tlp = tlpOf(report);
        String agency = agencyName(report);
        String agencyId = StixObjects.id("identity", "agency|" + agency);
        Instant when = report.meta().generatedAt();
        StixObjects stix = new StixObjects(when, agencyId, tlp.stixTlp2Id());

        ObjectNode identity = stix.sdo("identity", agencyId);
        identity.put("name", agency);
        identity.put("identity_class", "organization");
        identity.put("description", "The authority that examined the devices and issued the report \"" + report.meta().title() + "\".");

        DeviceIdentities devices = new DeviceIdentities(stix, report.meta().reportId());
        Map<String, String> feedNames = new HashMap<>();
        for (FeedEntry f : report.feeds()) feedNames.putIfAbsent(f.sha256(), f.name());

        Map<String, ObjectNode> malware = new TreeMap<>();
        Map<String, Set<String>> malwareOfDevice = new HashMap<>();
        List<ObjectNode> indicators = new ArrayList<>();
        List<ObjectNode> relationships = new ArrayList<>();
        List<ObjectNode> sightings = new ArrayList<>();
        for (MatchedIndicator m : MatchedIndicator.of(report)) {
            ObjectNode family = malware.computeIfAbsent(m.threat(), name -> malware(stix, agencyId, name));
            String malwareId = family.path("id").asText();
            ObjectNode indicator = indicator(stix, agencyId, m, feedNames.getOrDefault(m.feedSha256(), m.collection()));
            indicators.add(indicator);
            String indicatorId = indicator.path("id").asText();
            relationships.add(stix.relationship("indicates", indicatorId, malwareId));
            for (MatchedIndicator.Seen s : m.seen()) {
                sightings.add(sighting(stix, indicatorId, devices.idOf(s.device().ref()), s));
                if (s.isEvidence()) {
                    malwareOfDevice.computeIfAbsent(Hypotheses.deviceKey(s.device().ref()), k -> new TreeSet<>()).add(malwareId);
                }
            }
        }
        Hypotheses.Objects hypotheses = Hypotheses.of(report, stix, devices, malwareOfDevice);

        List<ObjectNode> objects = new ArrayList<>();
        objects.add(identity);
        objects.add(StixWriter.marking(tlp));
        objects.addAll(malware.values());
        objects.addAll(devices.objects());
        objects.addAll(indicators);
        objects.addAll(hypotheses.observables());
        objects.addAll(hypotheses.infrastructure());
        objects.addAll(hypotheses.intrusionSets());
        objects.addAll(relationships);
        objects.addAll(hypotheses.relationships());
        objects.addAll(sightings);

        ObjectNode bundle = stix.mapper.createObjectNode();
        bundle.put("type", "bundle");
        StringBuilder ids = new StringBuilder();
        objects.forEach(o -> ids.append(o.path("id").asText()).append('\n'));
        bundle.put("id", "bundle--" + NameBasedUuid.of("bundle|" + ids));
        ArrayNode array = bundle.putArray("objects");
        objects.forEach(array::add);
        return bundle;
    }

    private static ObjectNode malware(StixObjects stix, String agencyId, String name) {
        ObjectNode o = stix.sdo("malware", StixObjects.id("malware", agencyId + "|" + name));
        o.put("name", name);
        o.put("is_family", true);
        o.putArray("malware_types").add("spyware");
        return o;
    }

    private static ObjectNode indicator(StixObjects stix, String agencyId, MatchedIndicator m, String feedName) {
        ObjectNode o = stix.sdo("indicator", StixObjects.id("indicator", agencyId + "|" + m.key()));
        o.put("name", m.type().label() + " " + m.value());
        o.put("description", "Indicator " + m.indicatorId() + " of \"" + m.collection() + "\""
                + (m.feedSha256().isEmpty() ? "" : " (feed " + feedName + ", SHA-256 " + m.feedSha256() + ")")
                + ", matched on " + m.seen().size() + " device" + (m.seen().size() == 1 ? "" : "s") + " of this report.");
        o.putArray("indicator_types").add("malicious-activity");
        o.put("pattern", StixWriter.pattern(m.type(), m.value()));
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", o.path("created").asText());
        ObjectNode ref = o.putArray("external_references").addObject();
        ref.put("source_name", feedName.isEmpty() ? "indicator feed" : feedName);
        if (!m.indicatorId().isEmpty()) ref.put("external_id", m.indicatorId());
        ref.put("description", "the feed this indicator comes from, pinned by its SHA-256");
        if (!m.feedSha256().isEmpty()) ref.putObject("hashes").put("SHA-256", m.feedSha256());
        return o;
    }

    private static ObjectNode sighting(StixObjects stix, String indicatorId, String deviceId, MatchedIndicator.Seen s) {
        ObjectNode o = stix.sdo("sighting", StixObjects.id("sighting", indicatorId + "|" + deviceId));
        o.put("description", provenance(s));
        if (s.firstSeen() != null) o.put("first_seen", StixObjects.time(s.firstSeen()));
        if (s.lastSeen() != null) o.put("last_seen", StixObjects.time(s.lastSeen()));
        o.put("count", s.findings().size());
        o.put("sighting_of_ref", indicatorId);
        o.putArray("where_sighted_refs").add(deviceId);
        return o;
    }

    /** Where the device showed it: "evidence: SafariHistory: History.db (row 12); …", at most ten places. */
    private static String provenance(MatchedIndicator.Seen s) {
        Set<String> places = new TreeSet<>();
        Set<String> dispositions = new TreeSet<>();
        for (Finding f : s.findings()) {
            places.add((f.module().isEmpty() ? "" : f.module() + ": ") + f.sourceFile() + (f.locator().isEmpty() ? "" : " (" + f.locator() + ")"));
            if (!f.disposition().isEmpty()) dispositions.add(f.disposition());
        }
        List<String> shown = new ArrayList<>(places);
        String more = shown.size() > 10 ? " and " + (shown.size() - 10) + " more" : "";
        if (shown.size() > 10) shown = shown.subList(0, 10);
        return "Seen on " + s.device().pseudonym() + " as " + String.join(", ", dispositions) + ", in " + String.join("; ", shown) + more + ".";
    }
}
