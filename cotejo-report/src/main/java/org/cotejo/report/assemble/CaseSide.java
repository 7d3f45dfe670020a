package org.cotejo.report.assemble;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cotejo.cases.CaseInfo;
import org.cotejo.cases.DeviceInfo;
import org.cotejo.cases.EvidenceInfo;
import org.cotejo.cases.FeedInfo;
import org.cotejo.cases.LegalBasis;
import org.cotejo.cases.ScanSummary;
import org.cotejo.cases.StoredDetection;
import org.cotejo.cases.custody.Ledger;
import org.cotejo.cases.custody.LedgerEntry;
import org.cotejo.cases.folder.CaseFolder;
import org.cotejo.cases.store.CaseStore;
import org.cotejo.correlation.model.DeviceEvidence;
import org.cotejo.detection.Verdict;
import org.cotejo.report.model.DeviceEntry;
import org.cotejo.report.model.EvidenceEntry;
import org.cotejo.report.model.FeedEntry;
import org.cotejo.report.model.Finding;
import org.cotejo.report.model.Side;

/**
 * A local case as one side of a report: its devices for correlation, each scanned device's evidence items
 * (with their intake manifests' SHA-256 and acquisition records), detections with provenance, the pinned
 * feeds, and the custody ledger's head with its latest entries. Only read: nothing in the case changes.
 */
public final class CaseSide {
    /** How many of the newest ledger entries the annex quotes. */
    public static final int EXCERPT = 30;

    private CaseSide() {}

    public static SideMaterial read(String group, Path dir, PrintWriter err) {
        return CaseDevices.inCase(dir, (store, h, folder, info) -> {
            String g = (group == null || group.isEmpty() ? info.reference() : group).toUpperCase(Locale.ROOT);
            PinnedThreats threats = PinnedThreats.of(dir, store.feeds(h, folder.caseId()));
            List<DeviceEvidence> devices = CaseDevices.read(store, h, folder, info, g, dir, err, threats);
            List<DeviceEntry> entries = entries(store, h, folder, info, g, threats);
            List<FeedEntry> feeds = new ArrayList<>();
            for (FeedInfo f : store.feeds(h, folder.caseId())) {
                feeds.add(new FeedEntry(f.fileName(), f.sha256(), f.format(), "pinned in case " + info.name(), f.addedAt(),
                        f.indicators(), null));
            }
            Side side = new Side(g, "case", dir.toString(), info.id(), info.name(), info.agency(), info.reference(),
                    legalBasis(info.legalBasis()), "", custody(Ledger.entries(h, folder.caseId())));
            return new SideMaterial(side, devices, entries, feeds);
        });
    }

    private static List<DeviceEntry> entries(CaseStore store, org.jdbi.v3.core.Handle h, CaseFolder folder, CaseInfo info, String group,
                                             PinnedThreats threats) {
        Map<String, List<ScanSummary>> scans = new LinkedHashMap<>();
        for (ScanSummary s : store.scans(h, folder.caseId())) scans.computeIfAbsent(s.deviceId(), k -> new ArrayList<>()).add(s);
        Map<String, List<EvidenceEntry>> items = new LinkedHashMap<>();
        for (EvidenceInfo e : store.evidence(h, folder.caseId())) items.computeIfAbsent(e.deviceId(), k -> new ArrayList<>()).add(evidence(e));
        List<DeviceEntry> out = new ArrayList<>();
        for (DeviceInfo d : store.devices(h, folder.caseId())) {
            List<ScanSummary> own = scans.getOrDefault(d.id(), List.of());
            if (own.isEmpty()) continue;
            ScanSummary worst = own.stream().min(Comparator.comparing((ScanSummary s) -> CaseDevices.verdict(s.verdict()))
                    .thenComparing(ScanSummary::evidenceId)).orElseThrow();
            List<Finding> findings = new ArrayList<>();
            for (StoredDetection x : store.detections(h, folder.caseId(), d.id())) findings.add(finding(x, threats));
            findings = DeviceFindings.sorted(findings);
            List<EvidenceEntry> evidence = new ArrayList<>(items.getOrDefault(d.id(), List.of()));
            evidence.sort(Comparator.comparing(EvidenceEntry::acquiredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(EvidenceEntry::id));
            Verdict verdict = CaseDevices.verdict(worst.verdict());
            out.add(new DeviceEntry(CaseDevices.ref(info, group, d), verdict, worst.verdictRule(), worst.reasons(), evidence, findings,
                    DeviceFindings.timeline(findings)));
        }
        return out;
    }

    private static EvidenceEntry evidence(EvidenceInfo e) {
        var a = e.acquisition();
        String tool = a == null || a.tool() == null ? "" : a.tool() + (a.toolVersion() == null ? "" : " " + a.toolVersion());
        String name = Path.of(e.sourcePath()).getFileName() == null ? e.sourcePath() : Path.of(e.sourcePath()).getFileName().toString();
        return new EvidenceEntry(e.id(), e.kind(), name, e.manifestSha256(), e.fileCount(), e.totalBytes(), a == null ? "" : a.by(),
                a == null ? null : a.at(), a == null ? "" : a.method(), tool);
    }

    private static Finding finding(StoredDetection x, PinnedThreats threats) {
        String value = x.observableRaw() == null || x.observableRaw().isEmpty() ? x.observableValue() : x.observableRaw();
        return new Finding("detection", DeviceFindings.level(x.level()), x.disposition() == null ? "" : x.disposition().toLowerCase(Locale.ROOT),
                x.trace() == null ? "" : x.trace().toLowerCase(Locale.ROOT), x.module(), x.observableType(), value, x.indicatorValue(),
                x.indicatorId(), x.collection(), x.feedSha256(), x.rule(), x.sourceFile(), x.sourceSha256(), x.locator(), x.time(), x.message(),
                threats.of(x.feedSha256(), x.collection()));
    }

    private static String legalBasis(LegalBasis b) {
        if (b == null) return "";
        String type = b.type() == null ? "" : b.type();
        String ref = b.reference() == null ? "" : b.reference();
        return (type + (type.isEmpty() || ref.isEmpty() ? "" : " ") + ref).strip();
    }

    /** The ledger's head and newest entries; "verified" means the hash chain recomputes (signatures: `case verify`). */
    static Side.Custody custody(List<LedgerEntry> entries) {
        if (entries.isEmpty()) return new Side.Custody(0, Ledger.GENESIS, true, List.of());
        boolean chained = true;
        String prev = Ledger.GENESIS;
        for (LedgerEntry e : entries) {
            chained &= e.prevHash().equals(prev) && e.computeHash().equals(e.entryHash());
            prev = e.entryHash();
        }
        List<Side.LedgerLine> excerpt = new ArrayList<>();
        for (LedgerEntry e : entries.subList(Math.max(0, entries.size() - EXCERPT), entries.size())) {
            excerpt.add(new Side.LedgerLine(e.seq(), e.time(), e.action(), e.analyst() == null ? "" : e.analyst(), e.command(), e.entryHash()));
        }
        return new Side.Custody(entries.size(), entries.get(entries.size() - 1).entryHash(), chained, excerpt);
    }
}
