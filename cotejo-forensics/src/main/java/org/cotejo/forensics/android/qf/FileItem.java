package org.cotejo.forensics.android.qf;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One {@code files.json} entry for {@link AndroidQfBuilder}, with AndroidQF's field names; times in Unix seconds. */
public final class FileItem {
    private final String path;
    private long size = 1024;
    private String mode = "-rw-r-----";
    private long changed = 1_700_000_000L;
    private long modified = 1_700_000_000L;
    private long accessed = 1_700_000_000L;
    private String context = "u:object_r:app_data_file:s0";
    private String md5 = "";
    private String sha1 = "";
    private String sha256 = "";
    private String sha512 = "";

    private FileItem(String path) {
        this.path = path;
    }

    public static FileItem at(String path) { return new FileItem(path); }

    public FileItem mode(String mode) {
        this.mode = mode;
        return this;
    }

    public FileItem size(long size) {
        this.size = size;
        return this;
    }

    /** Unix seconds: inode change, modification, access. */
    public FileItem times(long changed, long modified, long accessed) {
        this.changed = changed;
        this.modified = modified;
        this.accessed = accessed;
        return this;
    }

    public FileItem context(String context) {
        this.context = context;
        return this;
    }

    public FileItem hashes(String md5, String sha1, String sha256) {
        this.md5 = md5;
        this.sha1 = sha1;
        this.sha256 = sha256;
        return this;
    }

    FileItem sha512(String sha512) {
        this.sha512 = sha512;
        return this;
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", path);
        g.writeNumberField("size", size);
        g.writeStringField("mode", mode);
        g.writeNumberField("user_id", 10100);
        g.writeStringField("user_name", "");
        g.writeNumberField("group_id", 10100);
        g.writeStringField("group_name", "");
        g.writeNumberField("changed_time", changed);
        g.writeNumberField("modified_time", modified);
        g.writeNumberField("access_time", accessed);
        g.writeStringField("error", "");
        g.writeStringField("context", context);
        g.writeStringField("sha1", sha1);
        g.writeStringField("sha256", sha256);
        g.writeStringField("sha512", sha512);
        g.writeStringField("md5", md5);
        g.writeEndObject();
    }
}
