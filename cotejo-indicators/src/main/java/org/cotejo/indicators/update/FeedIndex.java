package org.cotejo.indicators.update;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cotejo.core.CotejoException;

/**
 * MVT's feed index, {@code indicators.yaml}: a list of entries, each {@code type}, {@code name} and,
 * for {@code type: github}, {@code github: {owner, repo, branch, path}}. Only github entries are
 * fetched; others are kept so the report can say they were skipped and why.
 */
record FeedIndex(List<Entry> entries) {
    // Owner, repo, branch and path segments go into a URL and a folder name: plain characters only.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    /** One index entry; {@code github} is empty for other types or when its fields are unusable. */
    record Entry(String name, String type, Optional<GitHubFile> github, String problem) {}

    record GitHubFile(String owner, String repo, String branch, String path) {
        /** {@code https://raw.githubusercontent.com/} + owner/repo/branch/path, on a configurable base. */
        String rawUrl(String rawBase) {
            return (rawBase.endsWith("/") ? rawBase : rawBase + "/") + owner + "/" + repo + "/" + branch + "/" + path;
        }

        /** Folder name of this feed in the store: owner, repo and path, lower-cased, extension dropped. */
        String slug() {
            String withoutExt = path.contains(".") && path.lastIndexOf('.') > path.lastIndexOf('/')
                    ? path.substring(0, path.lastIndexOf('.')) : path;
            return (owner + "-" + repo + "-" + withoutExt.replace('/', '-')).toLowerCase(Locale.ROOT);
        }

        /** The stored file's extension: the upstream one ({@code stix2}), else {@code json}. */
        String extension() {
            String file = path.substring(path.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            return dot > 0 && SEGMENT.matcher(file.substring(dot + 1)).matches() ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : "json";
        }
    }

    static FeedIndex parse(byte[] yaml, String url) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CotejoException("feed index " + url + " is not valid YAML" + position + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CotejoException("cannot read feed index " + url + ": " + e.getMessage(), e);
        }
        JsonNode indicators = root == null ? null : root.get("indicators");
        if (indicators == null || !indicators.isArray()) {
            throw new CotejoException("feed index " + url + " has no \"indicators\" list; is this MVT's indicators.yaml?");
        }
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (JsonNode e : indicators) {
            number++;
            String name = e.path("name").asText("entry " + number).strip();
            String type = e.path("type").asText("").strip();
            if (!type.equals("github")) {
                entries.add(new Entry(name, type, Optional.empty(), "type '" + type + "' is not supported; only 'github' entries are fetched"));
                continue;
            }
            JsonNode g = e.path("github");
            String owner = g.path("owner").asText(""), repo = g.path("repo").asText("");
            String branch = g.path("branch").asText("main"), path = g.path("path").asText("");
            if (!SEGMENT.matcher(owner).matches() || !SEGMENT.matcher(repo).matches()
                    || !SEGMENT.matcher(branch).matches() || !safePath(path)) {
                entries.add(new Entry(name, type, Optional.empty(),
                        "github owner/repo/branch/path missing or not plain (" + owner + "/" + repo + "/" + branch + "/" + path + ")"));
                continue;
            }
            entries.add(new Entry(name, type, Optional.of(new GitHubFile(owner, repo, branch, path)), ""));
        }
        return new FeedIndex(List.copyOf(entries));
    }

    private static boolean safePath(String path) {
        if (path.isEmpty()) return false;
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }
}
