package org.cotejo.forensics.network.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.network.traffic.TrafficRecords;
import org.cotejo.forensics.record.Record;
import org.cotejo.forensics.testing.ModuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows read from their bytes make the very records, and the very problems, that reading each line as text makes:
 * random logs with every kind of Zeek value, odd and broken ones included, read both ways.
 */
class ZeekTsvBytesTest {
    @TempDir Path root;

    private static final String[] COLUMNS = {"ts:time", "uid:string", "id.orig_h:addr", "id.orig_p:port", "proto:enum", "trans_id:count",
        "rtt:interval", "query:string", "score:double", "delta:int", "AA:bool", "answers:vector[string]", "TTLs:vector[interval]",
        "tags:set[string]", "seen:set[time]", "counts:vector[count]"};

    @Test
    void bytesAndTextGiveTheSameRecordsAndProblemsForRandomRows() throws Exception {
        SplittableRandom r = new SplittableRandom(2025);
        ZeekWriter w = ZeekWriter.tsv("dns").columns(COLUMNS);
        for (int i = 0; i < 3_000; i++) {
            if (i == 1_000) w.columns(COLUMNS[7], COLUMNS[0], COLUMNS[11], "extra:count"); // #fields changed mid-file
            if (i == 1_500) w.raw("#types\tstring\tstring\tstring\tstring"); // #types now says every column is text
            if (i == 2_000) w.columns(COLUMNS);
            if (i == 2_500) w.raw("#set_separator\t;");
            if (r.nextInt(200) == 0) {
                w.raw(String.join("\t", row(r, COLUMNS.length + r.nextInt(-2, 3))));
                continue;
            }
            if (i >= 1_000 && i < 2_000) w.row(value(r, 7), value(r, 0), value(r, 11), value(r, 5));
            else w.row(row(r, COLUMNS.length).toArray(String[]::new));
        }
        w.close().write(root.resolve("dns.log"));
        // headers the text path reads on its own: a timestamp column, a repeated column, a two-byte separator
        ZeekWriter.tsv("dns").columns("ts:time", "query:string", "timestamp:string").row("1735689600.5", "a.example", "x")
                .columns("ts:time", "query:string", "query:string").row("1735689600.5", "a.example", "b.example")
                .write(root.resolve("dns.1.log"));
        ZeekWriter.json().raw("#separator \\x7c\\x7c").raw("#fields||ts||query").raw("#types||time||string")
                .raw("1735689600.25||c.example").write(root.resolve("dns.2.log"));

        ModuleHarness.Result fromBytes = run(true);
        ModuleHarness.Result fromText = run(false);

        assertThat(fromBytes.problems()).isEqualTo(fromText.problems());
        assertThat(fromBytes.problems()).isNotEmpty();
        List<Record> a = fromBytes.of("zeek_dns");
        List<Record> b = fromText.of("zeek_dns");
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(1_500);
        int columnRows = 0;
        int shared = 0;
        int sharedObservables = 0;
        java.util.Map<String, TrafficRecords.Notes> previousNotes = new java.util.HashMap<>();
        java.util.Set<List<?>> observedLists = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < a.size(); i++) {
            Record x = a.get(i);
            Record y = b.get(i);
            String where = y.provenance().locator();
            assertThat(x.provenance()).as(where).isEqualTo(y.provenance());
            assertThat(x.fields()).as(where).isEqualTo(y.fields());
            assertThat(x.fields().hashCode()).as(where).isEqualTo(y.fields().hashCode());
            assertThat(x.fields().toString()).as(where).isEqualTo(y.fields().toString());
            assertThat(new ArrayList<>(x.fields().asMap().entrySet())).as(where).isEqualTo(new ArrayList<>(y.fields().asMap().entrySet()));
            assertThat(x.observables()).as(where).isEqualTo(y.observables());
            assertThat(x.timeline()).as(where).isEqualTo(y.timeline());
            // the DNS answer a row read from bytes comes with (its name's first reading, reused) is the row's own
            TrafficRecords.DnsAnswer ax = TrafficRecords.dns(x);
            TrafficRecords.DnsAnswer ay = TrafficRecords.dns(y);
            if (ay == null) {
                assertThat(ax).as(where).isNull();
            } else {
                assertThat(ax).as(where).isNotNull();
                assertThat(new TrafficRecords.DnsAnswer(ax.client(), ax.name(), ax.addresses(), ax.time())).as(where).isEqualTo(ay);
            }
            if (x.fields().asMap().getClass() != y.fields().asMap().getClass()) {
                columnRows++;
                if (ax != null) {
                    assertThat(ax.notes()).as(where).isNotNull();
                    if (ax.notes() == previousNotes.putIfAbsent(x.fields().string("query"), ax.notes())) shared++;
                }
                if (!observedLists.add(x.observables())) sharedObservables++;
            }
        }
        assertThat(columnRows).as("rows read from bytes").isGreaterThan(1_000);
        // most rows repeat a query and its answers: they take what the first such row read
        assertThat(shared).as("answers sharing their name's notes").isGreaterThan(200);
        assertThat(sharedObservables).as("rows sharing a reading of their query and answers").isGreaterThan(100);
    }

    private ModuleHarness.Result run(boolean bytes) throws Exception {
        ZeekDns dns = new ZeekDns();
        dns.fromBytes = bytes;
        return ModuleHarness.run(ZeekLogs.open(root), ModuleOptions.DEFAULT, List.of(dns));
    }

    private static List<String> row(SplittableRandom r, int columns) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) out.add(value(r, c));
        return out;
    }

    /** A value for column {@code c}: mostly what Zeek writes there, sometimes anything. */
    private static String value(SplittableRandom r, int c) {
        int odd = r.nextInt(30);
        if (odd == 0) return "-";
        if (odd == 1) return "(empty)";
        if (odd == 2 && r.nextInt(3) == 0) return ANY[r.nextInt(ANY.length)];
        return switch (c % COLUMNS.length) {
            case 0 -> r.nextInt(4) == 0 ? TIMES[r.nextInt(TIMES.length)] : pick(r, TIMES); // odd times often: they decide the timestamp
            case 1 -> "C" + Long.toString(r.nextLong() & 0xFFFFFFFFFFL, 36);
            case 2 -> "10.0." + r.nextInt(3) + "." + r.nextInt(1, 255);
            case 3, 5, 9 -> pick(r, COUNTS);
            case 4 -> r.nextInt(5) == 0 ? "tcp" : "udp";
            case 6, 8 -> pick(r, DECIMALS);
            case 7 -> pick(r, NAMES);
            case 10 -> pick(r, BOOLS);
            case 11, 13 -> list(r, NAMES);
            case 12 -> list(r, DECIMALS);
            case 14 -> list(r, TIMES);
            default -> list(r, COUNTS);
        };
    }

    /** Mostly one of the first four (what Zeek writes), now and then any, the odd and broken included. */
    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(40) == 0 ? r.nextInt(from.length) : r.nextInt(4)];
    }

    private static String list(SplittableRandom r, String[] from) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(r.nextInt(10) == 0 ? ";" : ",");
            b.append(r.nextInt(15) == 0 ? "-" : pick(r, from));
        }
        return b.toString();
    }

    private static final String[] TIMES = {"1735689600.001106", "1735689600.000000", "1735689601.5", "1735689600", "1735689600.123456789",
        "1735689600.1234567891", "0.000001", "-1.5", "+1735689600.0", "1.7356896e9", "9223372036.5", "9223372037.5", "9999999999.000001",
        "8999999999.999999", "99999999999.5",
        "1735689600.", ".5", "yesterday", "1735689600.00110\\x36", "4503599627.370496", "4503599627.370495"};
    private static final String[] COUNTS = {"0", "53", "65535", "007", "-5", "+7", "123456789012345678", "1234567890123456789",
        "99999999999999999999", "12a", "", "1.5", "1e3"};
    private static final String[] DECIMALS = {"0.029000", "300.000000", "0", "5", "5.", ".5", "-0.5", "1e-3", "0.1", "0.30000000000000004",
        "9007199254740993.0", "4503599627370496.5", "123456789012345678", "1234567890123456789", "1.2.3", "abc", "0.000000000000000001"};
    private static final String[] NAMES = {"api1.example-cloud.com", "www.site2.org", "t3.tracker-metrics.io", "198.51.100.7", "2001:db8::7",
        "tab\\x09name\\xc3\\xa9.example", "back\\\\slash.example", "caf\u00e9.example", "\u65e5\u672c.example", "UPPER.Example.COM",
        "hxxp://evil[.]example/x", "evil.example/path", "comma\\x2cname.example", "trailing\\", "\\x4", ""};
    private static final String[] BOOLS = {"T", "F", "T", "F", "maybe", "t", "true", ""};
    private static final String[] ANY = {"x", "\u00e9", "\\x2d", "-,-", "(empty),a", " ", "\\\\", "T"};
}
