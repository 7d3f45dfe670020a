package org.cotejo.forensics.mvt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FolderTree;
import org.cotejo.forensics.evidence.WorkArea;
import org.cotejo.forensics.module.FsLocator;

/**
 * An MVT results folder (what {@code mvt-ios check-backup -o} or {@code mvt-android check-androidqf -o}
 * wrote) opened as evidence, so MVT's earlier extractions can be checked again with Cotejo's
 * indicators and heuristics (like MVT's {@code check-iocs}). Identifiers come from {@code info.json}
 * (target path, MVT version) and {@code backup_info.json} when present. Attached to the extraction as a
 * service: what could not be read while opening it, and whether it is a legacy MVT 2.x folder.
 */
public final class MvtResults {
    /** MVT writes JSON with Python's encoder: NaN and Infinity appear as bare words; strings can be long. */
    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(256 << 20).build())
                    .build())
            .build();

    /** backup_info.json key → Cotejo identifier name (the same names an iOS backup's Info.plist gives). */
    private static final List<Map.Entry<String, String>> BACKUP_INFO_KEYS = List.of(
            Map.entry("Unique Identifier", "udid"), Map.entry("Serial Number", "serial_number"), Map.entry("IMEI", "imei"),
            Map.entry("Product Type", "product_type"), Map.entry("Product Version", "product_version"),
            Map.entry("Device Name", "device_name"));

    private final List<String> notes;
    private final boolean legacy;

    private MvtResults(List<String> notes, boolean legacy) {
        this.notes = List.copyOf(notes);
        this.legacy = legacy;
    }

    /** What could not be read while opening the folder (e.g. a damaged info.json); the records can still load. */
    public List<String> notes() { return notes; }

    /** Whether the folder was written by MVT 2.x (it has {@code timeline_detected.csv}). */
    public boolean legacy() { return legacy; }

    public static Extraction open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new CotejoException("an MVT results folder is a folder: " + folder);
        FolderTree tree = new FolderTree(folder);
        if (tree.glob("*.json").isEmpty()) {
            throw new CotejoException(folder + " does not look like an MVT results folder (no info.json and no <module>.json files)");
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        readInfo(tree, notes, ids);
        readBackupInfo(tree, notes, ids);
        boolean legacy = tree.entry("timeline_detected.csv").isPresent();
        if (legacy) ids.put("mvt_results_format", "2.x");
        WorkArea work = WorkArea.create();
        return new Extraction(EvidenceKind.MVT_RESULTS, folder, tree, new FsLocator(tree), work, ids)
                .with(MvtResults.class, new MvtResults(notes, legacy));
    }

    /** info.json's {@code target_path} and {@code mvt_version}, streamed (its hash list can be long). */
    private static void readInfo(FolderTree tree, List<String> notes, Map<String, String> ids) throws IOException {
        FileEntry info = tree.entry("info.json").orElse(null);
        if (info == null || !info.isFile()) return;
        try (InputStream in = tree.open(info); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                notes.add("info.json does not hold a JSON object; the target path and MVT version are unknown");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isScalarValue() && (field.equals("target_path") || field.equals("mvt_version"))) {
                    ids.put(field, p.getValueAsString());
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notes.add("info.json is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "); the target path and MVT version are unknown");
        }
    }

    private static void readBackupInfo(FolderTree tree, List<String> notes, Map<String, String> ids) throws IOException {
        FileEntry entry = tree.entry("backup_info.json").orElse(null);
        if (entry == null || !entry.isFile()) return;
        try (InputStream in = tree.open(entry)) {
            Object root = JSON.readValue(in, Object.class);
            if (!(root instanceof Map<?, ?> map)) return;
            for (Map.Entry<String, String> k : BACKUP_INFO_KEYS) {
                Object v = map.get(k.getKey());
                if (v instanceof String || v instanceof Number) ids.put(k.getValue(), v.toString());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notes.add("backup_info.json is not valid JSON; the device identifiers are unknown");
        }
    }
}
