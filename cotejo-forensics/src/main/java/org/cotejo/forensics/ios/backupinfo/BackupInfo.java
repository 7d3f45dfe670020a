package org.cotejo.forensics.ios.backupinfo;

import com.dd.plist.NSDictionary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cotejo.forensics.evidence.EvidenceKind;
import org.cotejo.forensics.evidence.FileEntry;
import org.cotejo.forensics.ios.PlistFiles;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;
import org.cotejo.forensics.plist.PlistValues;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TraceClass;

/**
 * The device a backup was taken from, as its {@code Info.plist} describes it: one record.
 *
 * <p>MVT also compares the iOS version with Apple's latest and names the model from its product type;
 * both need tables of Apple releases that Cotejo does not ship, so the record carries the raw values
 * and the comparison is left to the reader.
 */
public final class BackupInfo implements ArtifactModule {
    /** At the backup's root, outside the manifest. */
    static final String INFO_PLIST = "Info.plist";
    /** The keys MVT copies, in its order; a key the backup lacks is written as null. */
    static final List<String> KEYS = List.of("Build Version", "Device Name", "Display Name", "GUID", "ICCID", "IMEI",
            "MEID", "Installed Applications", "Last Backup Date", "Phone Number", "Product Name", "Product Type",
            "Product Version", "Serial Number", "Target Identifier", "Target Type", "Unique Identifier", "iTunes Version");

    @Override public String name() { return "BackupInfo"; }
    @Override public Set<EvidenceKind> kinds() { return Set.of(EvidenceKind.IOS_BACKUP); }
    @Override public TraceClass trace() { return TraceClass.CONTEXT; }
    @Override public String description() { return "Device and backup details from the backup's Info.plist"; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        Optional<FileEntry> entry = ctx.extraction().tree().entry(INFO_PLIST).filter(FileEntry::isFile);
        if (entry.isEmpty()) return;
        SourceFile file = SourceFile.of(entry.get());
        NSDictionary info = PlistFiles.rootDictionary(ctx, file, "backup details skipped");
        if (info == null) return;
        Fields.Builder f = Fields.builder();
        for (String key : KEYS) f.put(key, PlistValues.json(info.get(key)));
        ctx.emit(f.build(), ctx.provenance(file, ""));
    }
}
