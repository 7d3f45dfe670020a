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
    /** Rows whose names are looked up together ({@link Repeats}). */
    static final int GROUP = 16;
    /** Clients whose address is read once per run. */
    static final int MAX_CLIENTS = 1 << 12;

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
        private NameTable<Reading> names;
        /** A client's address column bytes to its value and canonical address. */
        private NameTable<String[]> clients;
        private int query;
        private int answers;
        private int client;

        /** Rows waiting to be emitted, in order: their names are looked up as a group (see {@link #flush}). */
        private final Fields[] waitingFields = new Fields[GROUP];
        private final Provenance[] waitingWhere = new Provenance[GROUP];
        private final ZeekRow[] waitingRows = new ZeekRow[GROUP];
        private final Instant[] waitingTimes = new Instant[GROUP];
        private final int[] hashes = new int[GROUP];
        private int waiting;
        /** What warming reads, kept so the reads are made. */
        private long warmed;

        Repeats(ModuleContext ctx, MvtTime.Writer clock) {
            this.ctx = ctx;
            this.clock = clock;
        }

        @Override
        public void emit(Fields fields, Provenance where, ZeekRow row, Instant t) {
            if (row == null || !(row.later instanceof TsvLayout.Line line)) {
                flush();
                ctx.emit(fields, where);
                return;
            }
            TsvLayout l = line.layout();
            if (l != layout) {
                flush();
                if (layout == null || !layout.readsLike(l)) {
                    // headers that read differently: what was read under the others does not hold
                    names = new NameTable<>(MAX_NAMES);
                    clients = new NameTable<>(MAX_CLIENTS);
                    query = l.column("query");
                    answers = l.column("answers");
                    client = l.column("id.orig_h");
                }
                layout = l;
            }
            waitingFields[waiting] = fields;
            waitingWhere[waiting] = where;
            waitingRows[waiting] = row;
            waitingTimes[waiting] = t;
            if (++waiting == GROUP) flush();
        }

        @Override
        public void finish() {
            flush();
        }

        /**
         * Emits the waiting rows in order. A name's reading is in memory a few cache misses away (its slot, its
         * characters, the reading, its answers), each ten times slower than the work of a row, and a row's misses come
         * one after another; so the group's names are first hashed, then their slots read, then what the slots point to,
         * each step for every row at once (the processor waits for the misses of a step together, not row after row),
         * and the rows then find their readings in the cache.
         */
        private void flush() {
            int n = waiting;
            if (n == 0) return;
            waiting = 0;
            long w = 0;
            for (int i = 0; i < n; i++) {
                Object[] values = waitingRows[i].values;
                TsvLayout.Line line = (TsvLayout.Line) waitingRows[i].later;
                hashes[i] = query < 0 || values[query] != Fields.LATER ? 0 : NameTable.hash(line.bytes(), line.from(query), line.to(query));
            }
            for (int i = 0; i < n; i++) w += names.warmSlot(hashes[i]);
            for (int i = 0; i < n; i++) if (names.warmValue(hashes[i]) instanceof Reading r) w += r.key.length + r.observed.size();
            warmed += w;
            for (int i = 0; i < n; i++) {
                emit(waitingFields[i], waitingWhere[i], waitingRows[i], waitingTimes[i], hashes[i]);
                waitingFields[i] = null;
                waitingWhere[i] = null;
                waitingRows[i] = null;
                waitingTimes[i] = null;
            }
        }

        private void emit(Fields fields, Provenance where, ZeekRow row, Instant t, int hash) {
            TsvLayout.Line line = (TsvLayout.Line) row.later;
            Object[] values = row.values;
            if (query < 0 || values[query] != Fields.LATER) {
                ctx.emit(fields, where);
                return;
            }
            byte[] b = line.bytes();
            int qFrom = line.from(query);
            int qTo = line.to(query);
            Reading first = names.get(b, qFrom, qTo, hash);
            int from = answers < 0 ? 0 : line.from(answers);
            int to = answers < 0 ? 0 : line.to(answers);
            Reading r = first;
            while (r != null && !Arrays.equals(r.key, 0, r.key.length, b, from, to)) r = r.next;
            if (r == null) {
                if (first == null && names.size() >= MAX_NAMES) {
                    ctx.emit(fields, where); // past the names kept
                    return;
                }
                if (first != null) values[query] = first.query;
                List<ObservedValue> observed = observe(fields);
                DnsAnswer answer = TrafficRecords.readDns(slug(), fields, observed);
                r = new Reading(first == null ? fields.string("query") : first.query, first == null ? new TrafficRecords.Notes() : first.notes,
                        Arrays.copyOfRange(b, from, to), answers < 0 ? null : fields.get("answers"), observed, answer);
                if (first == null) {
                    names.put(b, qFrom, qTo, r); // (a name too long to keep is read for this row alone)
                } else { // the newest after the first, and at most VARIANTS in all: the oldest of the others goes
                    r.next = first.next;
                    first.next = r;
                    Reading last = r;
                    for (int i = 2; i < VARIANTS && last.next != null; i++) last = last.next;
                    last.next = null;
                }
            } else {
                values[query] = r.query;
                if (answers >= 0 && values[answers] == Fields.LATER) values[answers] = r.answers;
            }
            if (r.name != null) {
                DnsAnswer a = new DnsAnswer(client(line, values), r.name, r.addresses, clock.written(t), r.notes);
                fields.derived(DnsAnswer.class, f -> a);
            }
            ctx.emit(fields, where, r.observed);
        }

        /** The row's client as the DNS answer holds it (a canonical address or null), its column's value taken from the clients seen. */
        private String client(TsvLayout.Line line, Object[] values) {
            if (client < 0) return null;
            Object v = values[client];
            if (v != Fields.LATER) return TrafficRecords.ip(v instanceof String s ? s : v == null ? null : String.valueOf(v));
            byte[] b = line.bytes();
            String[] known = clients.get(b, line.from(client), line.to(client));
            if (known == null) {
                String text = (String) line.value(client);
                known = new String[] {text, TrafficRecords.ip(text)};
                if (clients.size() < MAX_CLIENTS) clients.put(b, line.from(client), line.to(client), known);
            }
            values[client] = known[0];
            return known[1];
        }
    }

    /**
     * What one query's bytes with one answers column's bytes read as: the query's value and the name's notes (shared by
     * the name's readings), the answers column's value, the record's observables and the DNS answer's name and addresses
     * (null name: no answer). A name's first reading is the one its bytes find; the others follow it, newest first.
     * Everything a row looks at is here, not behind a further reference: a row costs few cache misses.
     */
    private static final class Reading {
        final String query;
        final TrafficRecords.Notes notes;
        final byte[] key;
        final Object answers;
        final List<ObservedValue> observed;
        final String name;
        final List<String> addresses;
        Reading next;

        Reading(String query, TrafficRecords.Notes notes, byte[] key, Object answers, List<ObservedValue> observed, DnsAnswer answer) {
            this.query = query;
            this.notes = notes;
            this.key = key;
            this.answers = answers;
            this.observed = observed;
            this.name = answer == null ? null : answer.name();
            this.addresses = answer == null ? null : answer.addresses();
        }
    }

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
