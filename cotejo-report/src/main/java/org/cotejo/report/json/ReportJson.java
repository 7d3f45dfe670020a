package org.cotejo.report.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cotejo.core.CotejoException;
import org.cotejo.report.model.Report;

/**
 * Reads a report.json back as a tree, after checking it is one and of a version this Cotejo reads. The
 * comparison's parts are the correlation files' own shapes ({@code comparison.clusters} is a whole
 * {@code clusters.json}).
 */
public final class ReportJson {
    private ReportJson() {}

    /** @throws CotejoException when the file is missing, not JSON, or not a cotejo-report of a readable version */
    public static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new CotejoException("cannot read " + file + ": " + e.getMessage() + "; check the path", e);
        }
    }

    /** @param where the file's name, for messages */
    public static JsonNode read(InputStream in, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new CotejoException(where + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !Report.SCHEMA.equals(root.path("schema").asText())) {
            throw new CotejoException(where + ": not a report.json (no \"schema\": \"" + Report.SCHEMA + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != Report.SCHEMA_VERSION) {
            throw new CotejoException(where + ": report.json version " + version + " cannot be read by this Cotejo, which reads version "
                    + Report.SCHEMA_VERSION + "; use the Cotejo version that wrote it");
        }
        return root;
    }

    /** The ids of the clusters in a report.json, in report order. */
    public static java.util.List<String> clusterIds(JsonNode report) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (JsonNode c : report.path("comparison").path("clusters").path("clusters")) ids.add(c.path("id").asText());
        return ids;
    }
}
