package org.cotejo.forensics.android.qf;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TraceClass;

/**
 * The installed packages AndroidQF lists in {@code packages.json}: name, installer ("null" when installed
 * over ADB or by another method), system/disabled flags, and each APK with its hashes and signing
 * certificate. One record per package, as AndroidQF wrote it. Package names, APK hashes and certificate
 * hashes are what stalkerware and mercenary-spyware feeds list.
 */
public final class AqfPackages implements ArtifactModule {
    static final Location PACKAGES = AndroidQfs.file("packages.json");
    private static final List<String> FILE_HASHES = List.of("sha256", "sha1", "md5", "sha512");
    private static final List<ObservableType> FILE_HASH_TYPES = List.of(ObservableType.SHA256, ObservableType.SHA1,
            ObservableType.MD5, ObservableType.SHA512);
    private static final List<String> CERT_HASHES = List.of("Md5", "Sha1", "Sha256");

    @Override public String name() { return "AQFPackages"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.ANDROIDQF); }
    @Override public TraceClass trace() { return TraceClass.CONFIGURATION; }
    @Override public String description() {
        return "Installed packages (packages.json): installer, flags, APK hashes and signing certificates";
    }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        List<SourceFile> files = ctx.locate(PACKAGES);
        if (files.isEmpty()) return;
        SourceFile file = files.get(0);
        JsonRows.read(ctx.open(file), (value, line, index) -> {
            if (value instanceof Fields entry) {
                ctx.emit(entry, ctx.provenance(file, "packages[" + index + "] (line " + line + ")"));
            } else {
                ctx.problem(file, "line " + line + ": entry " + index + " is not a package object; skipped");
            }
        }, message -> ctx.problem(file, message));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        o.add(ObservableType.APP_ID, "name", r.string("name"));
        List<?> apks = r.list("files");
        for (int i = 0; i < apks.size(); i++) {
            if (!(apks.get(i) instanceof Map<?, ?>)) continue;
            Fields apk = Fields.of(castMap(apks.get(i)));
            String at = "files[" + i + "].";
            for (int h = 0; h < FILE_HASHES.size(); h++) {
                o.add(FILE_HASH_TYPES.get(h), at + FILE_HASHES.get(h), apk.string(FILE_HASHES.get(h)));
            }
            Fields cert = apk.object("certificate");
            if (cert == null) continue;
            for (String key : CERT_HASHES) o.add(ObservableType.APP_CERT_HASH, at + "certificate." + key, cert.string(key));
        }
        return o.list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Object o) { return (Map<String, ?>) o; }
}
