package org.cotejo.cli.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cotejo.cli.testing.Cli.cotejo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.cli.testing.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS answers seen in two devices' traffic become enrichment that `cotejo correlate` reads from their results folders. */
class TrafficCorrelationTest {
    @TempDir Path tmp;

    private Path zeekDns(String name, String query, String answer) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("dns.log"), "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tdns\n"
                + "#fields\tts\tuid\tid.orig_h\tid.resp_h\tquery\tanswers\n#types\ttime\tstring\taddr\taddr\tstring\tvector[string]\n"
                + "1735732800.000000\tC1\t10.0.0.5\t10.0.0.1\t" + query + "\t" + answer + "\n"
                + "1735736400.000000\tC2\t10.0.0.5\t10.0.0.1\t" + query + "\t" + answer + "\n");
        return dir;
    }

    @Test
    void twoDomainsOnOneDedicatedAddressInTwoDevicesTrafficAreLinkedThroughTheEnrichmentTheChecksWrote() throws Exception {
        Path feed = Files.writeString(tmp.resolve("operator.txt"), "a-delivery-cdn.net\nb-delivery-cdn.net\n");
        Path es = tmp.resolve("es-phone");
        Path fr = tmp.resolve("fr-phone");
        Run a = cotejo("check", "zeek", zeekDns("zeek-es", "a-delivery-cdn.net", "185.162.11.9").toString(), "--iocs", feed.toString(), "--out", es.toString());
        Run b = cotejo("check", "zeek", zeekDns("zeek-fr", "b-delivery-cdn.net", "185.162.11.9").toString(), "--iocs", feed.toString(), "--out", fr.toString());
        assertThat(a.out()).as(a.err()).contains("Traffic enrichment: 1 DNS resolutions");
        assertThat(b.code()).as(b.err()).isIn(0, 3);

        String pdns = Files.readString(es.resolve("traffic-enrichment/passive-dns.csv"));
        assertThat(pdns).startsWith("# kind: passive-dns\n# source: traffic seen by cotejo check zeek ")
                .contains("# date: 2025-01-01\ndomain,ip,first_seen,last_seen\n"
                        + "a-delivery-cdn.net,185.162.11.9,2025-01-01T12:00:00Z,2025-01-01T13:00:00Z\n");
        assertThat(Files.readString(es.resolve("traffic-enrichment/passive-dns.provenance.ndjson")))
                .contains("\"line\":5", "\"sightings\":2", "\"file\":\"dns.log\"", "\"at\":\"line 8\"", "\"at\":\"line 9\"");

        Path out = tmp.resolve("comparison");
        Run c = cotejo("correlate", "--findings", "ES=" + es, "--findings", "FR=" + fr, "--iocs", feed.toString(),
                "--level", "operator.txt=operator", "--out", out.toString());

        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("Traffic enrichment: 2 files");
        assertThat(c.err()).contains("passive-dns.csv: passive-dns (csv), 1 records loaded");
        String links = Files.readString(out.resolve("links.json"));
        assertThat(links).contains("\"links\" : 1", "\"kind\" : \"co-resolution\"",
                "es-phone/traffic-enrichment/passive-dns.csv line 5: a-delivery-cdn.net resolved to 185.162.11.9",
                "fr-phone/traffic-enrichment/passive-dns.csv line 5: b-delivery-cdn.net resolved to 185.162.11.9");
        assertThat(c.out()).contains("1 cluster", "1 passive-DNS co-resolution");
    }
}
