package org.cotejo.forensics.network.netlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.netlog.NetlogFormat.Role;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * The lines of a DNS-resolver or proxy log, in whichever {@link NetlogFormat} it was opened with, as
 * records with the same fields whatever the format: {@code timestamp} (UTC) and {@code time_raw},
 * {@code client_ip}, {@code domain}, {@code query_type}, {@code answers} (a list: a CSV cell is cut at
 * {@code ;}, {@code |} or spaces), {@code url}, {@code method}, {@code status}, {@code dest_ip},
 * {@code user_agent}, and the {@code format} read. The domain, URL, destination address and each answer
 * are observables; the client is the watched phone, so it is not.
 */
public final class Netlog implements ArtifactModule {
    @Override public String name() { return "Netlog"; }
    @Override public String description() { return "DNS queries and proxy requests from DNS-resolver and proxy logs (CSV, JSON lines, Squid)"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.NETLOG); }
    @Override public TraceClass trace() { return TraceClass.NETWORK; }
    @Override public boolean bulk() { return true; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        NetlogFormat format = ctx.extraction().service(NetlogFormat.class)
                .orElseThrow(() -> new CotejoException("a netlog extraction needs its format (--format)"));
        NetlogReader.read(ctx, format, (file, line, values) -> ctx.emit(fields(format, values), ctx.provenance(file, "line " + line)));
    }

    static Fields fields(NetlogFormat format, Map<Role, Object> v) {
        Object raw = v.get(Role.TIME);
        Instant t = NetlogTime.parse(raw);
        return Fields.builder()
                .put("timestamp", t == null ? null : MvtTime.format(t))
                .putIfPresent("time_raw", raw == null ? null : raw.toString())
                .putIfPresent("client_ip", text(v.get(Role.CLIENT)))
                .putIfPresent("domain", text(v.get(Role.DOMAIN)))
                .putIfPresent("query_type", text(v.get(Role.QUERY_TYPE)))
                .putIfPresent("answers", answers(v.get(Role.ANSWER)))
                .putIfPresent("url", text(v.get(Role.URL)))
                .putIfPresent("method", text(v.get(Role.METHOD)))
                .putIfPresent("status", text(v.get(Role.STATUS)))
                .putIfPresent("dest_ip", text(v.get(Role.DEST_IP)))
                .putIfPresent("user_agent", text(v.get(Role.USER_AGENT)))
                .put("format", format.name())
                .build();
    }

    private static String text(Object o) {
        if (o == null) return null;
        String s = o.toString().strip();
        return s.isEmpty() || s.equals("-") ? null : s;
    }

    private static List<String> answers(Object o) {
        if (o == null) return null;
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object e : l) if (text(e) != null) out.add(text(e));
        } else {
            for (String s : o.toString().split("[;|\\s]+")) if (!s.isBlank() && !s.equals("-")) out.add(s.strip());
        }
        return out.isEmpty() ? null : out;
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "domain", r.string("domain"));
        o.urlOrHost("url", r.string("url"));
        String dest = r.string("dest_ip");
        if (dest != null) o.add(dest.indexOf(':') >= 0 ? ObservableType.IPV6 : ObservableType.IPV4, "dest_ip", dest);
        List<String> answers = r.strings("answers");
        for (int i = 0; i < answers.size(); i++) o.urlOrHost("answers[" + i + "]", answers.get(i));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = MvtTime.parse(r.string("timestamp"));
        if (t == null) return List.of();
        String client = r.has("client_ip") ? " from " + r.text("client_ip") : "";
        if (r.has("url") || r.has("method")) {
            return List.of(new TimelineEvent(t, slug(), "proxy_request", "Proxy request " + (r.has("method") ? r.text("method") + " " : "")
                    + (r.has("url") ? r.text("url") : r.text("domain")) + client
                    + (r.has("status") ? " -> " + r.text("status") : "") + (r.has("dest_ip") ? " [" + r.text("dest_ip") + "]" : "")
                    + (r.has("user_agent") ? " [" + r.text("user_agent") + "]" : "")));
        }
        if (!r.has("domain")) return List.of();
        List<String> answers = r.strings("answers");
        return List.of(new TimelineEvent(t, slug(), "dns_query", "DNS query for " + r.text("domain")
                + (r.has("query_type") ? " (" + r.text("query_type") + ")" : "") + client
                + (answers.isEmpty() ? "" : " [answers: " + String.join(", ", answers) + "]")));
    }
}
