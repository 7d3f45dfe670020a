package org.cotejo.forensics.ios.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.evidence.FileTree;
import org.cotejo.forensics.module.FileLocator;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.SourceFile;

/**
 * Locates files in a backup. A literal domain and path is looked up by its file id, so the file is found
 * even when Manifest.db is damaged; wildcards and "any domain" go through the manifest. Only files that
 * are present in the backup folder are returned (partial backups miss some).
 */
public final class BackupLocator implements FileLocator {
    private final FileTree tree;
    private final BackupManifest manifest;

    public BackupLocator(FileTree tree, BackupManifest manifest) {
        this.tree = tree;
        this.manifest = manifest;
    }

    @Override
    public List<SourceFile> locate(Location location) throws IOException {
        if (!location.inBackups()) return List.of();
        Map<String, SourceFile> out = new LinkedHashMap<>();
        String id = location.fileId();
        if (id != null) {
            stored(id).ifPresent(e -> out.put(id, new SourceFile(e, location.domain(), location.relativePath(), id)));
            return new ArrayList<>(out.values());
        }
        for (ManifestEntry m : manifest.find(location.domain(), location.relativePath())) {
            if (!m.isFile()) continue;
            stored(m.fileId()).ifPresent(e -> out.putIfAbsent(m.fileId(), new SourceFile(e, m.domain(), m.relativePath(), m.fileId())));
        }
        return new ArrayList<>(out.values());
    }

    @Override
    public List<SourceFile> sideFiles(SourceFile database) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        if (database.domain() == null) return out;
        for (String suffix : SIDE_FILE_SUFFIXES) {
            String path = database.relativePath() + suffix;
            String id = BackupFileIds.of(database.domain(), path);
            stored(id).ifPresent(e -> out.add(new SourceFile(e, database.domain(), path, id)));
        }
        return out;
    }

    private Optional<FileEntry> stored(String fileId) throws IOException {
        if (fileId.length() < 2 || !fileId.matches("[0-9a-f]+")) return Optional.empty();
        return tree.entry(BackupFileIds.storagePath(fileId)).filter(FileEntry::isFile);
    }
}
