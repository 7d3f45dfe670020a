package org.cotejo.report.timesketch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.report.ReportWriter;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Report;
import org.cotejo.report.stix.HypothesisConfidence;

/**
 * {@code timeline.timesketch.jsonl}: Timesketch's JSON-lines import format, one event per line with
 * the three fields Timesketch requires ({@code message}, {@code datetime} in ISO 8601, and
 * {@code timestamp_desc}) plus {@code timestamp} in microseconds and Cotejo's own columns. One line per
 * dated finding (detections and alerts) and two per single-source hypothesis (its first and last
 * sighting). Lines are sorted by time, then by kind (hypotheses first), group, device, source file,
 * locator, indicator and message, so the file is the same for the same report.
 *
 * <p>Every line has the same columns ({@code device}, {@code group}, {@code level}, {@code trace},
 * {@code source_file}, {@code locator}, {@code indicator}, {@code feed}…), empty where they do not apply,
 * so Timesketch shows one table.
 */
public final class TimesketchWriter implements ReportWriter {
    public static final String FILE_NAME = "timeline.timesketch.jsonl";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    /** What the time of a finding is: when the trace was written on the device. */
    static final String TRACE_TIME = "Trace recorded on device";
    static final String HYPOTHESIS_FIRST = "Hypothesis first seen";
    static final String HYPOTHESIS_LAST = "Hypothesis last seen";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String description() {
        return "Timesketch timeline (JSON lines): every dated finding and the first and last sighting of each hypothesis";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        for (Line line : lines(report)) {
            out.write(mapper.writeValueAsBytes(line.json()));
            out.write('\n');
        }
    }

    public byte[] toBytes(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private record Line(Instant time, List<String> keys, ObjectNode json) {}

    private static final Comparator<Line> ORDER = (a, b) -> {
        int c = a.time().compareTo(b.time());
        for (int i = 0; c == 0 && i < a.keys().size(); i++) c = a.keys().get(i).compareTo(b.keys().get(i));
        return c;
    };

    private List<Line> lines(Report report) {
        List<Cluster> clusters = report.comparison().clusters();
        Map<String, String> clusterOfDevice = new HashMap<>();
        for (int n = 0; n < clusters.size(); n++) {
            for (DeviceRef d : clusters.get(n).devices()) clusterOfDevice.putIfAbsent(key(d), "C" + (n + 1));
        }
        List<Line> lines = new ArrayList<>();
        for (DeviceEntry d : report.devices()) {
            String cluster = clusterOfDevice.getOrDefault(key(d.ref()), "");
            for (Finding f : d.findings()) if (f.time() != null) lines.add(finding(d, f, cluster));
        }
        for (int n = 0; n < clusters.size(); n++) {
            Cluster c = clusters.get(n);
            if (c.firstSeen() != null) lines.add(hypothesis(c, n + 1, c.firstSeen(), HYPOTHESIS_FIRST, "first"));
            if (c.lastSeen() != null) lines.add(hypothesis(c, n + 1, c.lastSeen(), HYPOTHESIS_LAST, "last"));
        }
        lines.sort(ORDER);
        return lines;
    }

    private static String key(DeviceRef d) {
        return d.group() + '\u0000' + d.label();
    }

    private ObjectNode common(String message, Instant time, String description) {
        ObjectNode o = mapper.createObjectNode();
        o.put("message", message);
        o.put("datetime", DATETIME.format(time));
        o.put("timestamp", ChronoUnit.MICROS.between(Instant.EPOCH, time));
        o.put("timestamp_desc", description);
        return o;
    }

    private Line finding(DeviceEntry d, Finding f, String cluster) {
        String what = !f.message().isEmpty() ? f.message()
                : f.kind() + " " + (f.value().isEmpty() ? f.rule() : f.type() + " " + f.value());
        ObjectNode o = common(d.pseudonym() + ": " + what, f.time(), TRACE_TIME);
        o.put("data_type", "cotejo:" + f.kind());
        o.put("device", d.pseudonym());
        o.put("group", d.ref().group());
        o.put("level", f.level());
        o.put("trace", f.trace());
        o.put("source_file", f.sourceFile());
        o.put("locator", f.locator());
        o.put("indicator", f.indicator());
        o.put("feed", f.feedSha256());
        o.put("disposition", f.disposition());
        o.put("module", f.module());
        o.put("observable_type", f.type());
        o.put("value", f.value());
        o.put("indicator_id", f.indicatorId());
        o.put("collection", f.collection());
        o.put("rule", f.rule());
        o.put("source_sha256", f.sourceSha256());
        o.put("cluster", cluster);
        return new Line(f.time(), List.of("1" + f.kind(), d.ref().group(), d.pseudonym(), f.sourceFile(), f.locator(), f.indicator(),
                o.path("message").asText()), o);
    }

    private Line hypothesis(Cluster c, int number, Instant time, String description, String which) {
        String name = "Cotejo hypothesis C" + number;
        String groups = String.join(", ", c.groups());
        ObjectNode o = common(name + " (" + c.id() + "): " + which + " sighting of the items it rests on; " + c.devices().size()
                + " devices (" + groups + "), " + c.support().words(), time, description);
        o.put("data_type", "cotejo:hypothesis");
        o.put("device", "");
        o.put("group", groups);
        o.put("level", "");
        o.put("trace", "");
        o.put("source_file", "");
        o.put("locator", "");
        o.put("indicator", "");
        o.put("feed", "");
        o.put("cluster", "C" + number);
        o.put("cluster_id", c.id());
        o.put("support", c.support().words());
        o.put("confidence", HypothesisConfidence.of(c.support()));
        List<String> devices = new ArrayList<>();
        for (DeviceRef d : c.devices()) devices.add(d.group().isEmpty() ? d.label() : d.group() + " " + d.label());
        o.put("devices", String.join(", ", devices));
        return new Line(time, List.of("0hypothesis", groups, "", "", "", "", o.path("message").asText()), o);
    }
}
