package org.cotejo.correlation.enrich;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.correlation.enrich.EnrichmentFiles.Limits;
import org.cotejo.correlation.enrich.EnrichmentFiles.Meta;
import org.cotejo.correlation.enrich.EnrichmentSource.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not enrichment files at all fail the load with one message naming the file and line. */
class EnrichmentFilesRefusalTest {
    @TempDir Path dir;

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void refused(Path file, String... parts) {
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(file))).isInstanceOf(CotejoException.class)
                .hasMessageContaining(file.toString()).hasMessageContainingAll(parts);
    }

    @Test
    void refusesAnUnknownColumnRatherThanIgnoringIt() throws Exception {
        refused(file("pdns.csv", "domain,ip,firstseen\na.example,192.0.2.1,\n"), "line 1", "[domain, ip, firstseen]", "passive-dns: domain,ip,first_seen,last_seen");
    }

    @Test
    void refusesAFileWhoseStatedKindContradictsTheGivenOne() throws Exception {
        Path f = file("pdns.csv", "# kind: passive-dns\ndomain,ip\na.example,192.0.2.1\n");
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(f), Map.of(f, new Meta(Kind.WHOIS, null, null))))
                .isInstanceOf(CotejoException.class).hasMessageContaining("says it is passive-dns but was given as whois");
    }

    @Test
    void refusesAColumnMissingFromItsStatedKind() throws Exception {
        refused(file("tls.csv", "# kind: tls\nhost,subject\na.example,CN=a\n"), "line 2", "needs a 'cert_sha256' column");
    }

    @Test
    void refusesBinaryAndNonUtf8Files() throws Exception {
        Path binary = dir.resolve("dump.bin");
        Files.write(binary, new byte[] {'d', 'o', 'm', 'a', 'i', 'n', '\n', 0, 1, 2});
        refused(binary, "NUL byte on line 2", "not a text file");
        Path latin1 = dir.resolve("whois.csv");
        Files.write(latin1, "domain,registrar\na.example,Soci\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(latin1, "not valid UTF-8 on line 2");
    }

    @Test
    void refusesAFileOverTheSizeLimitAndALineOverTheLineLimit() throws Exception {
        Path big = file("pdns.csv", "domain,ip\n" + "a.example,192.0.2.1\n".repeat(100));
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(big), Map.of(), new Limits(1000, 1024, 10)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("more than the limit of 1000");
        Path longLine = file("long.csv", "domain,ip\n" + "a".repeat(3000) + ",192.0.2.1\n");
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(longLine), Map.of(), new Limits(1 << 20, 1024, 10)))
                .isInstanceOf(CotejoException.class).hasMessageContaining("line 2 is longer than 1024 bytes");
    }

    @Test
    void refusesJsonLinesThatAreNotOneObjectPerLine() throws Exception {
        refused(file("a.jsonl", "{\"domain\": \"a.example\", \"ip\": \"192.0.2.1\"}\n{\"domain\": \"b.example\",\n"), "line 2", "not valid JSON");
        refused(file("b.jsonl", "{\"domain\": \"a.example\", \"ip\": \"192.0.2.1\"}\n[1, 2]\n"), "line 2", "not a JSON object");
        refused(file("c.jsonl", "{\"domain\": \"a.example\", \"ip\": \"192.0.2.1\"}\n{\"domain\": \"b.example\", \"ttl\": 3}\n"),
                "line 2", "field 'ttl' is not a passive-dns field");
        refused(file("d.jsonl", "{\"domain\": \"a.example\", \"ip\": \"1.2.3.4\", \"ip\": \"5.6.7.8\"}\n"), "line 1", "Duplicate field 'ip'");
    }

    @Test
    void refusesAnEmptyFileAFileGivenTwiceAndMetadataForAFileNotGiven() throws Exception {
        refused(file("empty.csv", "\n# nothing\n"), "has no header and no records");
        Path f = file("asn.csv", "prefix,asn\n192.0.2.0/24,1\n");
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(f, f))).isInstanceOf(CotejoException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> EnrichmentFiles.load(List.of(f), Map.of(dir.resolve("other.csv"), Meta.none())))
                .isInstanceOf(CotejoException.class).hasMessageContaining("not among the enrichment files");
        refused(dir.resolve("missing.csv"), "does not exist");
    }

    @Test
    void refusesAStatedDateThatIsNoDate() throws Exception {
        refused(file("asn.csv", "# date: 1st of May\nprefix,asn\n192.0.2.0/24,1\n"), "line 1", "the stated date");
    }
}
