package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.TraceClass;

/**
 * A module over one {@code event_type} of a Suricata EVE log: each event becomes a record with the
 * event's own fields as Suricata wrote them (nested objects kept), except that {@code timestamp} is the
 * event's time as UTC text (Suricata writes ISO-8601 with the sensor's offset, kept as
 * {@code eve_timestamp}). Provenance is the file and "line N".
 */
abstract class SuricataModule implements ArtifactModule {

    /** The {@code event_type} this module reads. */
    abstract String eventType();

    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.SURICATA); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public boolean bulk() { return true; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        SuricataReader.read(ctx, eventType(), (file, line, event) -> emit(ctx, file, line, event));
    }

    static void emit(ModuleContext ctx, SourceFile file, long line, Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>(event);
        Object raw = event.get("timestamp");
        Instant t = raw instanceof String s ? MvtTime.parse(s) : null;
        out.put("timestamp", t == null ? null : MvtTime.format(t));
        if (raw != null) out.put("eve_timestamp", raw);
        ctx.emit(Fields.of(out), ctx.provenance(file, "line " + line));
    }

    /** A record's time: {@code timestamp} (UTC text), else {@code eve_timestamp}. */
    static Instant time(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        return t != null ? t : MvtTime.parse(r.string("eve_timestamp"));
    }



    /** A nested object, or an empty one. */
    static Fields object(Fields r, String key) {
        Fields f = r.object(key);
        return f == null ? Fields.builder().build() : f;
    }

    /** The objects of a list field. */
    static List<Fields> objects(Fields r, String key) {
        return r.list(key).stream().filter(Map.class::isInstance)
                .map(m -> { @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m; return Fields.of(mm); })
                .toList();
    }

    /**
     * The names and answers of an EVE {@code dns} object, in either of Suricata's layouts: version 2
     * ({@code rrname}, {@code answers[].rdata}, {@code grouped}) and version 3 ({@code queries[].rrname},
     * {@code answers[].rdata}). {@code prefix} names the fields ("dns").
     */
    static void dns(Observations o, String prefix, Fields dns) {
        o.add(ObservableType.DOMAIN, prefix + ".rrname", dns.string("rrname"));
        if (dns.has("rdata")) o.urlOrHost(prefix + ".rdata", dns.string("rdata"));
        List<Fields> queries = objects(dns, "queries");
        for (int i = 0; i < queries.size(); i++) o.add(ObservableType.DOMAIN, prefix + ".queries[" + i + "].rrname", queries.get(i).string("rrname"));
        List<Fields> answers = objects(dns, "answers");
        for (int i = 0; i < answers.size(); i++) {
            o.add(ObservableType.DOMAIN, prefix + ".answers[" + i + "].rrname", answers.get(i).string("rrname"));
            o.urlOrHost(prefix + ".answers[" + i + "].rdata", answers.get(i).string("rdata"));
        }
        Fields grouped = dns.object("grouped");
        if (grouped != null) {
            for (String type : grouped.keys()) {
                List<String> values = grouped.strings(type);
                for (int i = 0; i < values.size(); i++) o.urlOrHost(prefix + ".grouped." + type + "[" + i + "]", values.get(i));
            }
        }
    }

    /** The queried names of a {@code dns} object, either layout. */
    static List<String> dnsNames(Fields dns) {
        if (dns.string("rrname") != null) return List.of(dns.string("rrname"));
        return objects(dns, "queries").stream().map(q -> q.string("rrname")).filter(s -> s != null).toList();
    }

    /** The URL of an EVE {@code http} object from {@code hostname} and {@code url}, or null. */
    static String url(Fields http) {
        String host = http.string("hostname");
        String url = http.string("url");
        if (url != null && url.contains("://")) return url;
        if (host == null || host.isBlank()) return null;
        if (url == null || url.isEmpty()) url = "/";
        Number port = http.number("http_port");
        String hostPort = port == null || port.longValue() == 80 ? host.strip() : host.strip() + ":" + port;
        return "http://" + hostPort + (url.startsWith("/") ? url : "/" + url);
    }
}
