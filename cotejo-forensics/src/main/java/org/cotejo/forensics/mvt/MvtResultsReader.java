package org.cotejo.forensics.mvt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cotejo.forensics.evidence.Extraction;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleProblem;
import org.cotejo.forensics.module.Modules;
import org.cotejo.forensics.module.Records;
import org.cotejo.forensics.module.RunListener;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.Provenance;

/**
 * Loads the records of an MVT results folder: every {@code <slug>.json} whose slug is a module's
 * becomes that module's records, with the module's own observables and timeline (MVT's
 * {@code check-iocs} does the same with its modules). Files are streamed record by record, since
 * some run to hundreds of megabytes. Three shapes exist: a list of records; a dict of key → list (the
 * key becomes a field of each record); a single dict (one record).
 */
public final class MvtResultsReader {
    /** Where problems about files no module reads are filed. */
    static final String READER = "MvtResults";
    /** Files MVT writes beside the module results. */
    private static final Set<String> NOT_RESULTS = Set.of("alerts.json", "info.json", "urls.json");
    /**
     * Modules whose results are a dict of key → list, and the field the key becomes in each record:
     * MVT itself names the cache file {@code cache_file} when it reports a cache entry; the session
     * log's key is the plist's path, and a receiver's key its intent.
     */
    static final Map<String, String> KEYED = Map.of(
            "cache_files", "cache_file",
            "webkit_session_resource_log", "path",
            "dumpsys_receivers", "intent");
    /** MVT 2.x wrote the indicator a record matched into the record itself. */
    static final String LEGACY_MATCH = "matched_indicator";

    private MvtResultsReader() {}

    /** Reads every module results file of {@code results} (an extraction from {@link MvtResults#open}). */
    public static void read(Extraction results, Modules modules, RunListener listener) throws IOException {
        results.service(MvtResults.class).ifPresent(r -> r.notes().forEach(n -> listener.problem(new ModuleProblem(READER, "", n, false))));
        List<FileEntry> known = new ArrayList<>();
        for (FileEntry e : results.tree().glob("*.json")) {
            String name = e.name();
            if (!e.isFile() || NOT_RESULTS.contains(name) || name.endsWith("_detected.json")) continue;
            if (modules.bySlug(slug(e)).isPresent()) {
                known.add(e);
            } else {
                listener.problem(new ModuleProblem(READER, e.path(), "no module reads " + name + "; skipped", false));
            }
        }
        List<ArtifactModule> order = modules.all();
        known.sort(Comparator.comparingInt((FileEntry e) -> order.indexOf(modules.bySlug(slug(e)).orElseThrow()))
                .thenComparing(FileEntry::path));
        for (FileEntry e : known) readFile(results, e, modules.bySlug(slug(e)).orElseThrow(), listener);
    }

    private static String slug(FileEntry e) {
        return e.name().substring(0, e.name().length() - ".json".length());
    }

    private static void readFile(Extraction results, FileEntry file, ArtifactModule module, RunListener listener) {
        long start = System.nanoTime();
        listener.moduleStarted(module);
        FileReader reader = new FileReader(module, file, listener);
        try {
            String sha = results.tree().sha256(file);
            try (InputStream in = results.tree().open(file); JsonParser p = MvtResults.JSON.createParser(in)) {
                reader.read(p, sha);
            }
        } catch (JsonProcessingException e) {
            reader.problem("is not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + " (" + e.getOriginalMessage() + "); " + reader.count + " records were read before it, the rest is skipped");
        } catch (IOException e) {
            reader.problem("could not be read (" + e.getMessage() + "); " + reader.count + " records were read before it");
        }
        listener.moduleFinished(module, reader.count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Streams one results file; counts what it emits and what it had to pass over. */
    private static final class FileReader {
        private final ArtifactModule module;
        private final FileEntry file;
        private final RunListener listener;
        private long count;
        private long notObjects;
        private String sha;

        FileReader(ArtifactModule module, FileEntry file, RunListener listener) {
            this.module = module;
            this.file = file;
            this.listener = listener;
        }

        void read(JsonParser p, String sha256) throws IOException {
            this.sha = sha256;
            JsonToken top = p.nextToken();
            if (top == JsonToken.START_ARRAY) {
                readList(p, "");
            } else if (top == JsonToken.START_OBJECT && KEYED.containsKey(module.slug())) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        readList(p, key);
                    } else {
                        p.skipChildren();
                        problem("holds a value that is not a list under key '" + key + "'; it was skipped");
                    }
                }
            } else if (top == JsonToken.START_OBJECT) {
                emit(object(p), "");
            } else {
                problem(top == null ? "is empty; skipped" : "holds " + top.asString() + " at its top, not a list or a dict; skipped");
            }
            if (notObjects > 0) problem(notObjects + " list elements were not JSON objects and were skipped");
        }

        /** The elements of the list the parser is at (START_ARRAY); {@code key} is the dict key holding it, or "". */
        private void readList(JsonParser p, String key) throws IOException {
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), index++) {
                if (t == null) throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside a list");
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    notObjects++;
                    continue;
                }
                Map<String, Object> record = object(p);
                if (!key.isEmpty()) record.putIfAbsent(KEYED.get(module.slug()), key);
                emit(record, key + "[" + index + "]");
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(JsonParser p) throws IOException {
            return MvtResults.JSON.readValue(p, LinkedHashMap.class);
        }

        private void emit(Map<String, Object> record, String locator) {
            Object legacy = record.remove(LEGACY_MATCH);
            String where = legacy == null ? locator
                    : (locator.isEmpty() ? "" : locator + " ") + "(MVT 2.x matched indicator: " + describe(legacy) + ")";
            listener.record(Records.of(module, Fields.of(record), new Provenance(file.path(), file.path(), sha, where)));
            count++;
        }

        void problem(String what) {
            listener.problem(new ModuleProblem(module.name(), file.path(), file.name() + " " + what, false));
        }

        /** MVT 2.x wrote the indicator as {value, type, name, stix2_file_name}, or as its bare value. */
        private static String describe(Object indicator) {
            if (indicator instanceof Map<?, ?> m) {
                String value = String.valueOf(Optional.ofNullable(m.get("value")).orElse("?"));
                Object type = m.get("type");
                Object name = m.get("name");
                return value + (type == null ? "" : " [" + type + "]") + (name == null ? "" : " from " + name);
            }
            return String.valueOf(indicator);
        }
    }
}
