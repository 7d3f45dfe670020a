package org.cotejo.forensics.network.logs;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.network.traffic.NameTable;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.network.traffic.TrafficRecords.DnsAnswer;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Zeek's {@code dns.log}: each query ({@code query}, {@code qtype_name}, {@code rcode_name}) with the
 * client and resolver ({@code id.orig_h}, {@code id.resp_h}) and the answers. The queried name is a
 * domain; each answer is an address, or a domain when it is a CNAME/PTR target.
 */
public final class ZeekDns extends ZeekModule {
    @Override String log() { return "dns"; }
    @Override List<String> required() { return List.of("query"); }
    @Override public String name() { return "ZeekDns"; }
    @Override public String description() { return "DNS queries and answers from Zeek's dns.log"; }

    /** "answers[0]", "answers[1]"...: the field names of the first answers, made once. */
    private static final String[] ANSWER_FIELDS = new String[16];

    static {
        for (int i = 0; i < ANSWER_FIELDS.length; i++) ANSWER_FIELDS[i] = "answers[" + i + "]";
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.DOMAIN, "query", r.string("query"));
        int i = 0;
        for (Object answer : r.list("answers")) {
            if (answer == null) continue; // as Fields.strings: absent answers are not counted
            o.urlOrHost(i < ANSWER_FIELDS.length ? ANSWER_FIELDS[i] : "answers[" + i + "]", text(answer));
            i++;
        }
        return o.list();
    }

    /** Names whose rows are read once per distinct answer in a run ({@link Repeats}): memory stays bounded on any log. */
    static final int MAX_NAMES = 1 << 17;
    /** Distinct answers kept per name: answered and unanswered, and a few rotations of a name's addresses. */
    static final int VARIANTS = 4;

    @Override
    Emitter emitter(ModuleContext ctx, MvtTime.Writer clock) {
        return new Repeats(ctx, clock);
    }

    /**
     * The run's emitter for rows read from bytes. A dns.log of millions of lines asks about the same names again and
     * again and gets the same answers: the query and answers of each distinct pair of their bytes are read once (their
     * values, observables and DNS answer), and later rows with the same bytes take those, found by the query's bytes
     * before any string is made. What a row's observables and answer are read from (its query and answers) is
     * exactly what it shares, so each row's record is the one it would be read alone: its client, time and other
     * columns are its own. Every answer of a name carries the name's notes ({@link TrafficRecords.Notes}).
     */
    private final class Repeats implements Emitter {
        private final ModuleContext ctx;
        private final MvtTime.Writer clock;
        private TsvLayout layout;
        private NameTable<Name> names;
        private int query;
        private int answers;

        Repeats(ModuleContext ctx, MvtTime.Writer clock) {
            this.ctx = ctx;
            this.clock = clock;
        }

        @Override
        public void emit(Fields fields, Provenance where, ZeekRow row, Instant t) {
            if (row == null || !(row.later instanceof TsvLayout.Line line)) {
                ctx.emit(fields, where);
                return;
            }
            TsvLayout l = line.layout();
            if (l != layout) {
                if (layout == null || !layout.readsLike(l)) {
                    // headers that read differently: what was read under the others does not hold
                    names = new NameTable<>(MAX_NAMES);
                    query = l.column("query");
                    answers = l.column("answers");
                }
                layout = l;
            }
            Object[] values = row.values;
            if (query < 0 || values[query] != Fields.LATER) {
                ctx.emit(fields, where);
                return;
            }
            byte[] b = line.bytes();
            Name name = names.get(b, line.from(query), line.to(query));
            if (name == null && !names.put(b, line.from(query), line.to(query), name = new Name())) {
                ctx.emit(fields, where); // past the names kept
                return;
            }
            int from = answers < 0 ? 0 : line.from(answers);
            int to = answers < 0 ? 0 : line.to(answers);
            if (name.query != null) values[query] = name.query;
            Variant v = name.find(b, from, to);
            if (v == null) {
                List<ObservedValue> observed = observe(fields);
                name.query = fields.string("query");
                v = name.add(new Variant(Arrays.copyOfRange(b, from, to), answers < 0 ? null : fields.get("answers"), observed,
                        TrafficRecords.readDns(slug(), fields, observed)));
            } else if (answers >= 0 && values[answers] == Fields.LATER) {
                values[answers] = v.answers;
            }
            DnsAnswer first = v.answer;
            if (first != null) {
                DnsAnswer a = new DnsAnswer(TrafficRecords.ip(fields.string("id.orig_h")), first.name(), first.addresses(), clock.written(t),
                        name.notes);
                fields.derived(DnsAnswer.class, f -> a);
            }
            ctx.emit(fields, where, v.observed);
        }
    }

    /** One queried name, as its bytes read: its value, its notes and the distinct answers it was given. */
    private static final class Name {
        final TrafficRecords.Notes notes = new TrafficRecords.Notes();
        String query;
        private final Variant[] variants = new Variant[VARIANTS];
        private int next;

        Variant find(byte[] b, int from, int to) {
            for (Variant v : variants) {
                if (v == null) return null;
                if (Arrays.equals(v.key, 0, v.key.length, b, from, to)) return v;
            }
            return null;
        }

        /** Keeps {@code v}, in place of the oldest when {@value #VARIANTS} are kept. */
        Variant add(Variant v) {
            variants[next] = v;
            next = (next + 1) % variants.length;
            return v;
        }
    }

    /**
     * One answers column's bytes and what is read from them with the name: the column's value, the record's observables,
     * the DNS answer (its client and time those of the row that first had it).
     */
    private record Variant(byte[] key, Object answers, List<ObservedValue> observed, DnsAnswer answer) {}

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        Instant t = time(r);
        String query = r.string("query");
        if (t == null || query == null) return List.of();
        String type = r.has("qtype_name") ? r.text("qtype_name") : null;
        String from = r.text("id.orig_h");
        String to = r.text("id.resp_h");
        List<?> answers = r.list("answers");
        // one builder sized for the sentence: ten million rows make ten million of them
        StringBuilder d = new StringBuilder(40 + query.length() + (type == null ? 0 : type.length() + 3) + from.length() + to.length()
                + 24 * answers.size());
        d.append("DNS query for ").append(query);
        if (type != null) d.append(" (").append(type).append(')');
        d.append(" from ").append(from).append(" to ").append(to);
        boolean first = true;
        for (Object answer : answers) {
            if (answer == null) continue;
            d.append(first ? " [answers: " : ", ").append(text(answer));
            first = false;
        }
        if (!first) d.append(']');
        return List.of(new TimelineEvent(t, slug(), "dns_query", d.toString()));
    }

    /** A list element as {@link Fields#strings} gives it. */
    private static String text(Object element) {
        return element instanceof String s ? s : String.valueOf(element);
    }
}
