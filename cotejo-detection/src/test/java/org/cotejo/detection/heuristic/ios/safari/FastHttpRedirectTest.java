package org.cotejo.detection.heuristic.ios.safari;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.detection.Level;
import org.cotejo.detection.heuristic.Alert;
import org.cotejo.detection.heuristic.Heuristic;
import org.cotejo.detection.heuristic.HeuristicContext;
import org.cotejo.forensics.ios.safari.SafariHistory;
import org.cotejo.forensics.module.ModuleOptions;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;
import org.cotejo.forensics.record.Record;
import org.junit.jupiter.api.Test;

class FastHttpRedirectTest {
    private static final String DB = "private/var/mobile/Library/Safari/History.db";

    static Record visit(String db, long id, String url, double macTime, Long destination) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url);
        m.put("visit_id", id);
        m.put("timestamp", macTime);
        m.put("isodate", "");
        m.put("redirect_source", null);
        m.put("redirect_destination", destination);
        m.put("safari_history_db", db);
        return Records.of(new SafariHistory(), Fields.of(m), new Provenance(db, null, "0".repeat(64), "history_visits id " + id));
    }

    static List<Alert> run(Record... records) {
        Heuristic h = new FastHttpRedirect();
        Heuristic.Session s = h.start(new HeuristicContext(null, ModuleOptions.DEFAULT, false));
        List<Alert> alerts = new ArrayList<>();
        for (Record r : records) s.inspect(r, alerts::add);
        s.finish(alerts::add);
        return alerts;
    }

    @Test
    void flagsAPlainHttpVisitRedirectedToAnotherDomainWithinASecond() {
        Record origin = visit(DB, 10, "http://news.example.com/story", 600000000.5, 11L);
        List<Alert> alerts = run(origin, visit(DB, 11, "https://evil.example.net/landing", 600000000.75, null));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(Level.MEDIUM);
            assertThat(a.heuristic()).isEqualTo("safari.fast-http-redirect");
            assertThat(a.record()).isSameAs(origin);
            assertThat(a.eventTime()).isEqualTo(Instant.parse("2020-01-06T10:40:00.500Z"));
            assertThat(a.message()).contains("http://news.example.com/story", "evil.example.net", "250.0 milliseconds",
                    "visit 10 to visit 11", DB);
        });
    }

    @Test
    void findsTheDestinationWhicheverOrderTheVisitsArrive() {
        List<Alert> alerts = run(visit(DB, 11, "https://evil.example.net/", 600000000.75, null),
                visit(DB, 10, "http://news.example.com/", 600000000.5, 11L));

        assertThat(alerts).hasSize(1);
    }

    @Test
    void readsRecordsLoadedFromMvtJsonByTheirIsoDates() {
        Fields origin = Fields.of(Map.of("url", "HTTP://news.example.com/", "visit_id", "10", "redirect_destination", "11",
                "isodate", "2020-01-06 10:40:00.500000", "safari_history_db", DB));
        Fields destination = Fields.of(Map.of("url", "https://evil.example.net/", "visit_id", 11.0,
                "isodate", "2020-01-06 10:40:00.900000", "safari_history_db", DB));
        Provenance p = new Provenance("safari_history.json", null, "0".repeat(64), "[0]");

        assertThat(run(Records.of(new SafariHistory(), origin, p), Records.of(new SafariHistory(), destination, p))).hasSize(1);
    }

    @Test
    void ignoresRedirectsFromHttps() {
        assertThat(run(visit(DB, 10, "https://news.example.com/", 600000000.5, 11L),
                visit(DB, 11, "https://evil.example.net/", 600000000.6, null))).isEmpty();
    }

    @Test
    void ignoresTheUsualUpgradeToTheSameSiteOverHttps() {
        assertThat(run(visit(DB, 10, "http://example.com/", 600000000.5, 11L),
                visit(DB, 11, "https://www.example.com/", 600000000.6, null))).isEmpty();
    }

    @Test
    void ignoresRedirectsTakingASecondOrMore() {
        assertThat(run(visit(DB, 10, "http://news.example.com/", 600000000.5, 11L),
                visit(DB, 11, "https://evil.example.net/", 600000001.5, null))).isEmpty();
    }

    @Test
    void ignoresADestinationRecordedBeforeItsOrigin() {
        assertThat(run(visit(DB, 10, "http://news.example.com/", 600000000.5, 11L),
                visit(DB, 11, "https://evil.example.net/", 600000000.2, null))).isEmpty();
    }

    @Test
    void looksForTheDestinationOnlyInTheSameDatabase() {
        assertThat(run(visit(DB, 10, "http://news.example.com/", 600000000.5, 11L),
                visit("private/var/mobile/Library/Safari/Profiles/1/History.db", 11, "https://evil.example.net/", 600000000.6, null)))
                .isEmpty();
    }

    @Test
    void comparesHostsWithoutTheirWwwLabelOnly() {
        assertThat(FastHttpRedirect.host("https://www.Example.com/x")).isEqualTo("example.com");
        assertThat(FastHttpRedirect.host("https://web.example.org/")).isEqualTo("web.example.org");
        assertThat(FastHttpRedirect.host("not a url")).isEmpty();
    }
}
