package org.cotejo.correlation.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.correlation.CorrelationResult;
import org.cotejo.correlation.DeviceSummary;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.cluster.ClusterItem;
import org.cotejo.correlation.cluster.Exposure;
import org.cotejo.correlation.cluster.SameTool;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.ExcludedValue;

/**
 * {@code clusters.json} (format "cotejo-clusters", version 1): the hypotheses of a single source with
 * their confidence, time span, the infrastructure they rest on (counted), exposed devices, the "same
 * tool" statements, and every value excluded from linking with the reason.
 */
public final class ClustersJson {
    public static final String FORMAT = "cotejo-clusters";

    private ClustersJson() {}

    public static void write(Path file, CorrelationResult r) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, r);
        }
    }

    /** The same bytes to a stream, which is left open (report.json embeds this file whole). */
    public static void write(OutputStream out, CorrelationResult r) throws IOException {
        CorrelationJson.write(out, FORMAT, r, g -> {
            g.writeObjectFieldStart("counts");
            g.writeNumberField("devices", r.devices().size());
            for (DeviceRole role : DeviceRole.values()) {
                g.writeNumberField(role.name().toLowerCase(java.util.Locale.ROOT),
                        r.devices().stream().map(DeviceSummary::role).filter(role::equals).count());
            }
            g.writeNumberField("pairs", r.links().size());
            g.writeNumberField("links", r.linkCount());
            g.writeNumberField("clusters", r.clusters().size());
            g.writeNumberField("cross_group_clusters", r.clusters().stream().filter(Cluster::crossGroup).count());
            g.writeEndObject();
            g.writeArrayFieldStart("clusters");
            for (Cluster c : r.clusters()) cluster(g, c);
            g.writeEndArray();
            g.writeArrayFieldStart("same_tool");
            for (SameTool t : r.sameTool()) {
                g.writeStartObject();
                g.writeStringField("threat", t.threat());
                CorrelationJson.strings(g, "values", t.values());
                g.writeArrayFieldStart("devices");
                for (DeviceRef d : t.devices()) CorrelationJson.device(g, d);
                g.writeEndArray();
                CorrelationJson.strings(g, "groups", t.groups());
                g.writeStringField("statement", t.statement());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("excluded");
            for (ExcludedValue x : r.excluded()) {
                g.writeStartObject();
                g.writeStringField("value", x.key());
                g.writeStringField("reason", x.exclusion().reason().key());
                g.writeStringField("detail", x.exclusion().detail());
                g.writeNumberField("devices", x.devices());
                g.writeNumberField("targeted_devices", x.targetedDevices());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void cluster(JsonGenerator g, Cluster c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("statement", c.statement());
        g.writeArrayFieldStart("devices");
        for (DeviceRef d : c.devices()) CorrelationJson.device(g, d);
        g.writeEndArray();
        CorrelationJson.strings(g, "groups", c.groups());
        g.writeBooleanField("cross_group", c.crossGroup());
        g.writeObjectFieldStart("confidence");
        g.writeStringField("what", "weakest link of a maximum spanning tree over the cluster's links");
        CorrelationJson.ratio(g, c.log10Lr());
        g.writeEndObject();
        g.writeNumberField("links", c.links());
        CorrelationJson.time(g, "first_seen", c.firstSeen());
        CorrelationJson.time(g, "last_seen", c.lastSeen());
        g.writeObjectFieldStart("counts");
        for (var e : c.counts().entrySet()) g.writeNumberField(e.getKey().key(), e.getValue());
        g.writeEndObject();
        g.writeArrayFieldStart("infrastructure");
        for (ClusterItem i : c.infrastructure()) item(g, i);
        g.writeEndArray();
        g.writeArrayFieldStart("same_tool");
        for (ClusterItem i : c.sameTool()) item(g, i);
        g.writeEndArray();
        g.writeArrayFieldStart("exposed");
        for (Exposure x : c.exposed()) {
            g.writeStartObject();
            CorrelationJson.deviceFields(g, x.device());
            CorrelationJson.strings(g, "values", x.values());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, ClusterItem i) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", i.kind().key());
        g.writeStringField("label", i.kind().label());
        g.writeStringField("level", i.level().key());
        CorrelationJson.strings(g, "values", i.values());
        CorrelationJson.strings(g, "facts", i.facts());
        CorrelationJson.ratio(g, Math.log10(i.lr()));
        g.writeNumberField("devices", i.devices());
        CorrelationJson.time(g, "first_seen", i.firstSeen());
        CorrelationJson.time(g, "last_seen", i.lastSeen());
        g.writeStringField("note", i.note());
        g.writeEndObject();
    }
}
