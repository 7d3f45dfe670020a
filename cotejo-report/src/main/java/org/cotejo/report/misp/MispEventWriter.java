package org.cotejo.report.misp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.indicator.Tlp;
import org.cotejo.detection.Verdict;
import org.cotejo.indicators.feed.JsonBytes;
import org.cotejo.indicators.feed.MispWriter;
import org.cotejo.indicators.feed.NameBasedUuid;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;
import org.cotejo.report.stix.MatchedIndicator;
import org.cotejo.report.stix.StixBundleWriter;

/**
 * {@code report.misp.json}: the report as one MISP event ({@code {"Event": {…}}}). Each matched
 * indicator is an attribute ({@code to_ids} true) or, for values MISP has no attribute type for, an
 * object attribute, placed as {@code cotejo iocs convert --to misp} places it; its comment carries the
 * indicator's provenance and its {@code Sighting}s name the pseudonymised devices it matched. Each
 * single-source hypothesis is a {@code cotejo-hypothesis} object (see {@link MispHypotheses}).
 *
 * <p>Deterministic: uuids are name-based, timestamps are the report's generation time.
 */
public final class MispEventWriter implements ReportWriter {
    public static final String FILE_NAME = "report.misp.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String description() {
        return "MISP event: matched indicators with their provenance and sightings on pseudonymised devices, "
                + "and the single-source hypotheses as objects with their confidence";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(toBytes(report));
    }

    public byte[] toBytes(Report report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.set("Event", event(mapper, report));
        return JsonBytes.of(mapper, root);
    }

    /**
     * MISP distribution for a TLP level: RED and AMBER+STRICT stay in the creating organisation (0),
     * AMBER in its community (1), GREEN in connected communities (2), CLEAR everywhere (3). A sharing
     * group (4) would be the natural unit between two authorities, but its id exists only on the
     * receiving instance, so the analyst sets it on import.
     */
    static String distribution(Tlp tlp) {
        return switch (tlp) {
            case RED, AMBER_STRICT -> "0";
            case AMBER -> "1";
            case GREEN -> "2";
            case CLEAR -> "3";
        };
    }

    /** 1 high when a device is infected, 2 medium for an attempt, 3 low for any other detection, 4 undefined otherwise. */
    static String threatLevel(Report report) {
        boolean detection = false;
        Set<Verdict> verdicts = new TreeSet<>();
        for (DeviceEntry d : report.devices()) {
            verdicts.add(d.verdict());
            detection |= d.findings().stream().anyMatch(Finding::isDetection);
        }
        if (verdicts.contains(Verdict.INFECTED)) return "1";
        if (verdicts.contains(Verdict.ATTEMPTED)) return "2";
        return detection ? "3" : "4";
    }

    private static ObjectNode event(ObjectMapper mapper, Report report) {
        Tlp tlp = StixBundleWriter.tlpOf(report);
        Instant when = report.meta().generatedAt();
        String timestamp = Long.toString(when.getEpochSecond());
        String uuid = NameBasedUuid.of("misp-event|" + report.meta().reportId());
        String agency = StixBundleWriter.agencyName(report);
        ObjectNode e = mapper.createObjectNode();
        e.put("uuid", uuid);
        e.put("info", report.meta().title().isBlank() ? "Cotejo report " + report.meta().reportId() : report.meta().title());
        e.put("date", when.atZone(ZoneOffset.UTC).toLocalDate().toString());
        e.put("timestamp", timestamp);
        e.put("published", false);
        e.put("threat_level_id", threatLevel(report));
        e.put("analysis", "2");
        e.put("distribution", distribution(tlp));
        ObjectNode orgc = e.putObject("Orgc");
        orgc.put("name", agency);
        orgc.put("uuid", NameBasedUuid.of("misp-org|" + agency));
        ArrayNode tags = e.putArray("Tag");
        tags.addObject().put("name", tlp.label().toLowerCase(Locale.ROOT));

        List<MatchedIndicator> matched = MatchedIndicator.of(report);
        Set<String> threats = new TreeSet<>();
        matched.forEach(m -> threats.add(m.threat()));
        if (!threats.isEmpty()) {
            // The galaxy MispWriter uses, so Cotejo's reader takes the first family as the event's threat.
            ArrayNode clusters = null;
            for (String threat : threats) {
                tags.addObject().put("name", "misp-galaxy:mitre-malware=\"" + threat + "\"");
                if (clusters == null) {
                    ObjectNode g = e.putArray("Galaxy").addObject();
                    g.put("type", "mitre-malware");
                    g.put("name", "malware");
                    clusters = g.putArray("GalaxyCluster");
                }
                ObjectNode c = clusters.addObject();
                c.put("type", "mitre-malware");
                c.put("value", threat);
            }
        }

        Map<String, String> feedNames = new HashMap<>();
        for (FeedEntry f : report.feeds()) feedNames.putIfAbsent(f.sha256(), f.name());
        ArrayNode attributes = e.putArray("Attribute");
        ArrayNode objects = e.putArray("Object");
        Map<String, String> attributeOfValue = new HashMap<>();
        for (MatchedIndicator m : matched) {
            String attributeUuid = NameBasedUuid.of("misp-attribute|" + uuid + "|" + m.key());
            attributeOfValue.putIfAbsent(m.type().key() + ":" + m.value(), attributeUuid);
            MispWriter.Placement p = MispWriter.placement(m.type(), m.value());
            ObjectNode a = mapper.createObjectNode();
            a.put("uuid", attributeUuid);
            if (p.inObject()) a.put("object_relation", p.relation());
            a.put("type", p.type());
            a.put("category", p.category());
            a.put("value", m.value());
            a.put("to_ids", true);
            a.put("distribution", "5");
            a.put("timestamp", timestamp);
            a.put("comment", comment(m, feedNames.getOrDefault(m.feedSha256(), "")));
            firstLast(a, m);
            ArrayNode sightings = a.putArray("Sighting");
            for (MatchedIndicator.Seen s : m.seen()) {
                ObjectNode sighting = sightings.addObject();
                sighting.put("uuid", NameBasedUuid.of("misp-sighting|" + attributeUuid + "|" + s.device().ref().group() + "|" + s.device().pseudonym()));
                sighting.put("type", "0");
                Instant at = s.firstSeen() == null ? when : s.firstSeen();
                sighting.put("date_sighting", Long.toString(at.getEpochSecond()));
                sighting.put("source", s.device().ref().group().isEmpty() ? s.device().pseudonym() : s.device().ref().group() + " " + s.device().pseudonym());
            }
            if (!p.inObject()) {
                attributes.add(a);
            } else {
                ObjectNode o = objects.addObject();
                o.put("name", p.objectName());
                o.put("uuid", NameBasedUuid.of("misp-object|" + attributeUuid));
                o.put("distribution", "5");
                o.put("timestamp", timestamp);
                o.putArray("Attribute").add(a);
            }
        }
        MispHypotheses.add(report, uuid, timestamp, attributeOfValue, objects);
        return e;
    }

    /** "Indicator X of "Collection" (feed F, SHA-256 H); seen on ES a (evidence), FR b (exposure)". */
    private static String comment(MatchedIndicator m, String feedName) {
        List<String> devices = new ArrayList<>();
        for (MatchedIndicator.Seen s : m.seen()) {
            Set<String> dispositions = new TreeSet<>();
            s.findings().forEach(f -> dispositions.add(f.disposition()));
            String group = s.device().ref().group();
            devices.add((group.isEmpty() ? "" : group + " ") + s.device().pseudonym() + " (" + String.join(", ", dispositions) + ")");
        }
        return "Indicator " + m.indicatorId() + " of \"" + m.collection() + "\""
                + (m.feedSha256().isEmpty() ? "" : " (feed " + (feedName.isEmpty() ? "" : feedName + ", ") + "SHA-256 " + m.feedSha256() + ")")
                + "; seen on " + String.join(", ", devices);
    }

    private static void firstLast(ObjectNode a, MatchedIndicator m) {
        Instant first = null;
        Instant last = null;
        for (MatchedIndicator.Seen s : m.seen()) {
            if (s.firstSeen() != null && (first == null || s.firstSeen().isBefore(first))) first = s.firstSeen();
            if (s.lastSeen() != null && (last == null || s.lastSeen().isAfter(last))) last = s.lastSeen();
        }
        if (first != null) a.put("first_seen", MispHypotheses.time(first));
        if (last != null) a.put("last_seen", MispHypotheses.time(last));
    }
}
