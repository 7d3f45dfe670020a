package org.cotejo.forensics.network.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.record.TraceClass;
import org.junit.jupiter.api.Test;

/** Traffic views read ahead of judging: the same answer as read late, and one set of notes per name in a run. */
class TrafficViewsTest {
    private static Record dns(long line, String query, String... answers) {
        Fields f = Fields.builder().put("timestamp", "2025-01-01 00:00:00.000000").put("id.orig_h", "10.0.0.7").put("query", query)
                .put("answers", List.of(answers)).build();
        Observations o = new Observations(TraceClass.NETWORK);
        o.add(ObservableType.DOMAIN, "query", query);
        for (int i = 0; i < answers.length; i++) o.urlOrHost("answers[" + i + "]", answers[i]);
        return new Record("zeek_dns", f, new Provenance("dns.log", "dns.log", "ab", "line " + line), o.list(), List.of());
    }

    @Test
    void aPreparedAnswerIsTheAnswerReadLaterWithItsNamesNotes() {
        TrafficRecords.Views views = new TrafficRecords.Views();
        Record first = dns(1, "WWW.Evil-Example.com.", "203.0.113.7", "203.0.113.7", "2001:DB8::1");
        Record again = dns(2, "evil-example.com", "203.0.113.8");
        Record other = dns(3, "news.example.org", "198.51.100.1");
        Record defanged = dns(4, "evil-example[.]com", "203.0.113.9");
        for (Record r : List.of(first, again, other, defanged)) views.prepare(r);

        TrafficRecords.DnsAnswer a = TrafficRecords.dns(first);
        TrafficRecords.DnsAnswer unprepared = TrafficRecords.dns(dns(1, "WWW.Evil-Example.com.", "203.0.113.7", "203.0.113.7", "2001:DB8::1"));
        assertThat(a.name()).isEqualTo("evil-example.com").isEqualTo(unprepared.name());
        assertThat(a.addresses()).containsExactly("203.0.113.7", "2001:db8::1").isEqualTo(unprepared.addresses());
        assertThat(a.client()).isEqualTo("10.0.0.7");
        assertThat(unprepared.notes()).isNull();

        assertThat(a.notes()).isNotNull().isSameAs(TrafficRecords.dns(again).notes());
        assertThat(TrafficRecords.dns(other).notes()).isNotNull().isNotSameAs(a.notes());
        // a name written defanged is no DNS name: no answer, as when read late
        assertThat(TrafficRecords.dns(defanged)).isNull();
    }

    @Test
    void theNameTableFindsEveryNameAgainByTextOrBytesAndStopsAtItsCapacity() {
        NameTable<TrafficRecords.Notes> table = new NameTable<>(100_000);
        java.util.Map<String, TrafficRecords.Notes> seen = new java.util.HashMap<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        byte[] line = new byte[200];
        for (int i = 0; i < 200_000; i++) {
            // names that collide in Java's hash ("Aa"/"BB") and many that share a suffix
            String name = (r.nextBoolean() ? "Aa" : "BB") + "api" + r.nextInt(40_000) + ".example-cloud.com";
            TrafficRecords.Notes n;
            if (r.nextBoolean()) {
                n = TrafficRecords.notesOf(table, name);
            } else { // the same name as the bytes of a line, somewhere inside it
                int at = r.nextInt(50);
                byte[] b = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                System.arraycopy(b, 0, line, at, b.length);
                n = table.get(line, at, at + b.length);
                if (n == null) assertThat(table.put(line, at, at + b.length, n = new TrafficRecords.Notes())).isTrue();
            }
            assertThat(n).as(name).isNotNull();
            TrafficRecords.Notes before = seen.putIfAbsent(name, n);
            if (before != null) assertThat(n).as(name).isSameAs(before);
        }
        assertThat(table.size()).isEqualTo(seen.size());
        assertThat(new java.util.HashSet<>(seen.values())).hasSize(seen.size());
        assertThat(table.get("Aaapi1.example-cloud.co")).isNull();
        NameTable<TrafficRecords.Notes> small = new NameTable<>(2);
        assertThat(TrafficRecords.notesOf(small, "a.example")).isNotNull();
        assertThat(TrafficRecords.notesOf(small, "b.example")).isNotNull();
        assertThat(TrafficRecords.notesOf(small, "c.example")).isNull();
        assertThat(small.put("c.example".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, 9, new TrafficRecords.Notes())).isFalse();
        assertThat(TrafficRecords.notesOf(small, "a.example")).isSameAs(TrafficRecords.notesOf(small, "a.example"));
        assertThat(TrafficRecords.notesOf(table, "ĉ.example")).isNull(); // not Latin-1: no DNS name is
        TrafficRecords.Notes e = TrafficRecords.notesOf(table, "é.example");
        assertThat(e).isNotNull().isSameAs(TrafficRecords.notesOf(table, "é.example"));
        assertThat(table.get("é.example".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, 9)).isSameAs(e);
    }

    @Test
    void notesAreKeptPerOwner() {
        TrafficRecords.Notes n = new TrafficRecords.Notes();
        Object[] owners = new Object[10];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = new Object();
            n.put(owners[i], "note " + i);
        }
        for (int i = 0; i < 8; i++) assertThat(n.get(owners[i])).isEqualTo("note " + i);
        // past eight owners nothing is kept: the owner falls back to its own table
        assertThat(n.get(owners[8])).isNull();
        n.put(owners[0], "changed");
        assertThat(n.get(owners[0])).isEqualTo("changed");
        assertThat(n.get(new Object())).isNull();
    }
}
