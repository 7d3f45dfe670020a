package org.cotejo.forensics.ios.synth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file of a generated phone: where it lives in a backup (domain, relative path) and in a filesystem
 * dump, and its bytes on disk (in a scratch folder until a writer places it).
 */
public record PhoneFile(String domain, String relativePath, String fsPath, Path content) {
    public PhoneFile {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(fsPath, "fsPath");
        Objects.requireNonNull(content, "content");
    }
}
