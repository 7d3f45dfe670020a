package org.cotejo.forensics.android.qf;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One {@code packages.json} entry for {@link AndroidQfBuilder}, with AndroidQF's field names. */
public final class Pkg {
    private final String name;
    private String installer = "com.android.vending";
    private long uid = 10100;
    private boolean disabled;
    private boolean system;
    private final List<Apk> apks = new ArrayList<>();

    private record Apk(String path, String md5, String sha1, String sha256, String sha512, String[] certificate) {}

    private Pkg(String name) {
        this.name = name;
    }

    public static Pkg named(String name) { return new Pkg(name); }

    /** The installer's package name; AndroidQF writes "null" for an app installed over ADB. */
    public Pkg installer(String installer) {
        this.installer = installer;
        return this;
    }

    public Pkg uid(long uid) {
        this.uid = uid;
        return this;
    }

    public Pkg system() {
        this.system = true;
        return this;
    }

    public Pkg disabled() {
        this.disabled = true;
        return this;
    }

    public Pkg apk(String path, String md5, String sha1, String sha256) {
        apks.add(new Apk(path, md5, sha1, sha256, "", null));
        return this;
    }

    Pkg apk(String path, String md5, String sha1, String sha256, String sha512) {
        apks.add(new Apk(path, md5, sha1, sha256, sha512, null));
        return this;
    }

    /** The signing certificate of the last APK added. */
    public Pkg certificate(String md5, String sha1, String sha256) {
        Apk last = apks.remove(apks.size() - 1);
        apks.add(new Apk(last.path(), last.md5(), last.sha1(), last.sha256(), last.sha512(), new String[] {md5, sha1, sha256}));
        return this;
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeArrayFieldStart("files");
        for (Apk a : apks) {
            g.writeStartObject();
            g.writeStringField("path", a.path());
            g.writeStringField("local_name", "");
            g.writeStringField("md5", a.md5());
            g.writeStringField("sha1", a.sha1());
            g.writeStringField("sha256", a.sha256());
            g.writeStringField("sha512", a.sha512());
            g.writeStringField("error", "");
            g.writeBooleanField("verified_certificate", a.certificate() != null);
            if (a.certificate() == null) {
                g.writeNullField("certificate");
            } else {
                g.writeObjectFieldStart("certificate");
                g.writeStringField("Md5", a.certificate()[0]);
                g.writeStringField("Sha1", a.certificate()[1]);
                g.writeStringField("Sha256", a.certificate()[2]);
                g.writeStringField("ValidFrom", "2020-01-01T00:00:00Z");
                g.writeStringField("ValidTo", "2050-01-01T00:00:00Z");
                g.writeStringField("Issuer", "CN=" + name);
                g.writeStringField("Subject", "CN=" + name);
                g.writeStringField("SignatureAlgorithm", "SHA256-RSA");
                g.writeNumberField("SerialNumber", Math.abs(name.hashCode()));
                g.writeEndObject();
            }
            g.writeStringField("certificate_error", "");
            g.writeBooleanField("trusted_certificate", false);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("installer", installer);
        g.writeNumberField("uid", uid);
        g.writeBooleanField("disabled", disabled);
        g.writeBooleanField("system", system);
        g.writeBooleanField("third_party", !system);
        g.writeEndObject();
    }
}
