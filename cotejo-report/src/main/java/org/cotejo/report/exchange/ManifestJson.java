package org.cotejo.report.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.indicator.Tlp;

/**
 * manifest.json, format {@value Manifest#FORMAT} version {@value Manifest#VERSION} (schema in
 * docs/exchange.md). The bytes depend on the manifest only (fixed key order, two-space indent, "\n"
 * line ends), and the signature covers exactly those bytes, so the file is never re-serialised after
 * signing: a verifier checks the bytes it received.
 */
final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ManifestJson() {}

    static byte[] toBytes(Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY);
            PackageHeader h = m.header();
            g.writeStartObject();
            g.writeStringField("format", Manifest.FORMAT);
            g.writeNumberField("version", Manifest.VERSION);
            g.writeStringField("created", h.createdAt().toString());
            g.writeStringField("sender", h.sender());
            g.writeStringField("recipient", h.recipient());
            g.writeObjectFieldStart("tlp");
            g.writeStringField("level", h.tlp().tlp2Name());
            g.writeStringField("marking_definition", h.tlp().stixTlp2Id());
            g.writeEndObject();
            g.writeObjectFieldStart("case");
            g.writeStringField("id", h.caseId());
            g.writeStringField("name", h.caseName());
            g.writeStringField("reference", h.reference());
            g.writeStringField("instrument", h.instrument());
            g.writeEndObject();
            g.writeObjectFieldStart("signer");
            g.writeStringField("algorithm", "Ed25519");
            g.writeStringField("key_id", m.keyId());
            g.writeStringField("public_key", m.publicKeyBase64());
            g.writeEndObject();
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "Cotejo");
            g.writeStringField("version", h.toolVersion());
            g.writeEndObject();
            g.writeArrayFieldStart("files");
            for (ManifestEntry f : m.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeStringField("sha256", f.sha256());
                g.writeNumberField("size", f.size());
                g.writeStringField("role", f.role());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads manifest bytes. A manifest that is not JSON names the line and column; one of another format
     * version says which version it is; a missing or mistyped field is named by its path.
     */
    static Manifest read(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new CotejoException(where + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CotejoException("cannot read " + where + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !Manifest.FORMAT.equals(root.path("format").asText())) {
            throw new CotejoException(where + " is not an exchange-package manifest (its \"format\" is not \"" + Manifest.FORMAT + "\")");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != Manifest.VERSION) {
            throw new CotejoException(where + " is exchange-package format version " + version + "; this Cotejo reads version "
                    + Manifest.VERSION + " (use the Cotejo version the sender used, or ask for a version " + Manifest.VERSION + " package)");
        }
        Fields f = new Fields(where);
        Instant created;
        try {
            created = Instant.parse(f.text(root, "created"));
        } catch (DateTimeParseException e) {
            throw f.fail("created", "is not a UTC time such as 2026-11-28T10:00:00Z");
        }
        String level = f.text(root.path("tlp"), "tlp.level");
        Tlp tlp = Tlp.parse(level).orElseThrow(() -> f.fail("tlp.level", "is '" + CotejoException.printable(level)
                + "'; expected clear, green, amber, amber+strict or red"));
        JsonNode c = root.path("case");
        JsonNode tool = root.path("tool");
        PackageHeader header = new PackageHeader(f.text(root, "sender"), f.text(root, "recipient"), tlp, created,
                f.text(c, "case.id"), f.text(c, "case.name"), f.text(c, "case.reference"), c.path("instrument").asText(""),
                f.text(tool, "tool.version"));
        JsonNode signer = root.path("signer");
        String algorithm = f.text(signer, "signer.algorithm");
        if (!algorithm.equals("Ed25519")) throw f.fail("signer.algorithm", "is '" + CotejoException.printable(algorithm) + "'; only Ed25519 is used");
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) throw f.fail("files", "is missing or not an array");
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode e = files.get(i);
            String at = "files[" + i + "]";
            JsonNode size = e.get("size");
            if (size == null || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
                throw f.fail(at + ".size", "is missing or not a whole number of bytes");
            }
            String sha = f.text(e, at + ".sha256");
            if (!sha.matches("[0-9a-f]{64}")) throw f.fail(at + ".sha256", "is not 64 lower-case hex digits");
            entries.add(new ManifestEntry(f.text(e, at + ".path"), sha, size.asLong(), f.text(e, at + ".role")));
        }
        return new Manifest(header, f.text(signer, "signer.key_id"), f.text(signer, "signer.public_key"), entries);
    }

    private record Fields(String where) {
        String text(JsonNode n, String path) {
            JsonNode v = n.get(path.substring(path.lastIndexOf('.') + 1));
            if (v == null || !v.isTextual()) throw fail(path, "is missing or not a string");
            return v.asText();
        }

        CotejoException fail(String path, String what) {
            return new CotejoException(where + ": " + path + " " + what);
        }
    }
}
