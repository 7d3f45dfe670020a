package org.cotejo.correlation.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.cotejo.core.observable.Observable;

/**
 * {@code truth.json}: the ground truth of a world, format "cotejo-simulation-truth" version 1 (schema in
 * docs/simulator.md). Written with a fixed key order and "\n" line ends, so the same world gives the same
 * bytes.
 */
final class TruthJson {
    static final String FORMAT = "cotejo-simulation-truth";
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private TruthJson() {}

    static byte[] toBytes(World w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            write(w, g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void write(World w, JsonGenerator g) throws IOException {
        Truth t = w.truth();
        WorldSpec s = w.spec();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", 1);
        g.writeNumberField("seed", s.seed());
        g.writeObjectFieldStart("spec");
        g.writeNumberField("vendors", s.vendors());
        g.writeNumberField("operators_per_vendor", s.operatorsPerVendor());
        g.writeNumberField("devices", s.devices());
        strings(g, "countries", s.countries());
        g.writeNumberField("targeted_share", s.targetedShare());
        g.writeNumberField("exposure_share", s.exposureShare());
        g.writeNumberField("name_collision_share", s.nameCollisionShare());
        g.writeNumberField("attempted_share", s.attemptedShare());
        g.writeNumberField("second_extraction_share", s.secondExtractionShare());
        g.writeNumberField("feed_coverage", s.feedCoverage());
        g.writeNumberField("benign_per_device", s.benignPerDevice());
        g.writeEndObject();
        g.writeObjectFieldStart("feed");
        g.writeStringField("file", w.feed().fileName());
        g.writeStringField("sha256", w.feed().sha256());
        g.writeNumberField("indicators", w.feed().indicators().size());
        g.writeEndObject();
        g.writeArrayFieldStart("vendors");
        for (Vendor v : t.vendors()) {
            g.writeStartObject();
            g.writeStringField("id", v.id());
            g.writeStringField("name", v.name());
            g.writeStringField("platform", v.platform());
            g.writeStringField("cert_subject", v.certSubject());
            values(g, "tool_traces", v.toolTraces());
            g.writeArrayFieldStart("hosting");
            for (Vendor.HostingBlock b : v.hosting()) {
                g.writeStartObject();
                g.writeStringField("prefix", b.prefix());
                g.writeNumberField("asn", b.asn());
                g.writeStringField("as_name", b.asName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("operators");
        for (Operator o : t.operators()) {
            g.writeStartObject();
            g.writeStringField("id", o.id());
            g.writeStringField("vendor", o.vendor());
            strings(g, "countries", o.countries());
            strings(g, "languages", o.languages());
            g.writeBooleanField("published", o.published());
            strings(g, "delivery", o.delivery().stream().map(Observable::value).toList());
            strings(g, "validation", o.validation().stream().map(Observable::value).toList());
            strings(g, "c2", o.c2().stream().map(Observable::value).toList());
            strings(g, "accounts", o.accounts().stream().map(Observable::value).toList());
            strings(g, "sms_senders", o.smsSenders());
            strings(g, "servers", o.servers());
            strings(g, "tls_keys", o.tlsKeys());
            g.writeStringField("registrar", o.registrar());
            g.writeStringField("registrant_email", o.registrantEmail());
            strings(g, "name_servers", o.nameServers());
            strings(g, "registration_bursts", o.bursts().stream().map(Object::toString).toList());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("devices");
        for (DeviceTruth d : t.devices()) {
            g.writeStartObject();
            g.writeStringField("id", d.deviceId());
            g.writeStringField("kind", d.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("operator", d.operator());
            g.writeStringField("vendor", d.vendor());
            g.writeStringField("country", d.country());
            g.writeStringField("platform", d.platform());
            g.writeBooleanField("detected", d.detected());
            strings(g, "extractions", d.extractions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("pivots");
        for (Observable p : t.pivots()) {
            g.writeStartObject();
            g.writeStringField("type", p.type().key());
            g.writeStringField("value", p.value());
            g.writeStringField("operator", t.operators().stream().filter(o -> o.infrastructure().contains(p)).map(Operator::id)
                    .findFirst().orElse(""));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void values(JsonGenerator g, String name, List<Observable> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (Observable v : values) {
            g.writeStartObject();
            g.writeStringField("type", v.type().key());
            g.writeStringField("value", v.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
