package org.cotejo.forensics.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.evidence.EvidenceKind;

/**
 * The artifact modules on the class path, found with {@link ServiceLoader}, in run order: MVT's order
 * for the modules MVT has (so outputs line up), then others by name; a module runs after the modules
 * it depends on.
 */
public final class Modules {
    /** MVT's static iOS module order: backup-only, filesystem-only, then mixed. */
    static final List<String> IOS_ORDER = List.of(
            "BackupInfo", "ConfigurationProfiles", "Manifest", "ProfileEvents",
            "CacheFiles", "Filesystem", "Netusage", "Analytics", "AnalyticsIOSVersions", "SafariFavicon", "ShutdownLog",
            "IOSVersionHistory", "WebkitIndexedDB", "WebkitLocalStorage", "WebkitSafariViewService",
            "Calls", "ChromeFavicon", "ChromeHistory", "Contacts", "FirefoxFavicon", "FirefoxHistory", "IDStatusCache",
            "InteractionC", "LocationdClients", "OSAnalyticsADDaily", "Datausage", "SafariBrowserState", "SafariHistory",
            "TCC", "SMS", "SMSAttachments", "WebkitResourceLoadStatistics", "WebkitSessionResourceLog", "Whatsapp",
            "WhatsappContacts", "Shortcuts", "Applications", "Calendar", "GlobalPreferences");
    /** MVT's Android module order: AndroidQF, then bugreport, backup and intrusion logs (nested in that order). */
    static final List<String> ANDROID_ORDER = List.of(
            "AQFPackages", "AQFProcesses", "AQFGetProp", "AQFSettings", "AQFFiles", "AQFLogTimestamps", "RootBinaries", "Mounts",
            "DumpsysAccessibility", "DumpsysActivities", "DumpsysAppops", "DumpsysBatteryDaily", "DumpsysBatteryHistory",
            "DumpsysDBInfo", "DumpsysGetProp", "DumpsysPackages", "DumpsysPlatformCompat", "DumpsysReceivers",
            "DumpsysADBState", "BugReportTimestamps", "Tombstones", "AndroidSMS", "DnsEvent", "ConnectEvent", "SecurityEvent");

    private final List<ArtifactModule> all;

    private Modules(List<ArtifactModule> all) {
        this.all = all;
    }

    /** Every module on the class path. */
    public static Modules installed() {
        List<ArtifactModule> found = new ArrayList<>();
        ServiceLoader.load(ArtifactModule.class, Modules.class.getClassLoader()).forEach(found::add);
        return of(found);
    }

    public static Modules of(List<ArtifactModule> modules) {
        Map<String, ArtifactModule> byName = new LinkedHashMap<>();
        for (ArtifactModule m : modules) {
            ArtifactModule prev = byName.putIfAbsent(m.name(), m);
            if (prev != null && prev.getClass() != m.getClass()) {
                throw new IllegalStateException("two modules named " + m.name() + ": " + prev.getClass() + ", " + m.getClass());
            }
        }
        return new Modules(order(new ArrayList<>(byName.values())));
    }

    public List<ArtifactModule> all() { return all; }

    /**
     * Modules that read {@code kind} or a kind it may hold nested ({@link EvidenceKind#nests()}), in run
     * order.
     */
    public List<ArtifactModule> forKind(EvidenceKind kind) {
        Set<EvidenceKind> kinds = kind.nests();
        kinds.add(kind);
        return all.stream().filter(m -> m.kinds().stream().anyMatch(kinds::contains)).toList();
    }

    public Optional<ArtifactModule> byName(String name) {
        return all.stream().filter(m -> m.name().equalsIgnoreCase(name) || m.slug().equals(name)).findFirst();
    }

    public Optional<ArtifactModule> bySlug(String slug) {
        return all.stream().filter(m -> m.slug().equals(slug)).findFirst();
    }

    /**
     * The modules to run for {@code kind}: all of them, or the named ones plus what they depend on.
     * An unknown name is a user error listing the valid names.
     */
    public List<ArtifactModule> select(EvidenceKind kind, List<String> names) {
        List<ArtifactModule> candidates = forKind(kind);
        if (names == null || names.isEmpty()) return candidates;
        Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> queue = new ArrayList<>(names);
        while (!queue.isEmpty()) {
            String n = queue.remove(queue.size() - 1);
            ArtifactModule m = candidates.stream()
                    .filter(c -> c.name().equalsIgnoreCase(n) || c.slug().equals(n.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new CotejoException("unknown module '" + n + "' for " + kind.key()
                            + "; modules: " + String.join(", ", candidates.stream().map(ArtifactModule::name).toList())));
            if (wanted.add(m.name())) queue.addAll(m.dependsOn());
        }
        return candidates.stream().filter(m -> wanted.contains(m.name())).toList();
    }

    private static List<ArtifactModule> order(List<ArtifactModule> modules) {
        Map<String, Integer> rank = new HashMap<>();
        List<ArtifactModule> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparingInt((ArtifactModule m) -> {
            int i = IOS_ORDER.indexOf(m.name());
            if (i >= 0) return i;
            int a = ANDROID_ORDER.indexOf(m.name());
            return a < 0 ? Integer.MAX_VALUE : IOS_ORDER.size() + a;
        }).thenComparing(ArtifactModule::name));
        for (int i = 0; i < sorted.size(); i++) rank.put(sorted.get(i).name(), i);
        Map<String, ArtifactModule> byName = new HashMap<>();
        sorted.forEach(m -> byName.put(m.name(), m));
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (ArtifactModule m : sorted) {
            int n = 0;
            for (String d : m.dependsOn()) {
                if (!byName.containsKey(d)) throw new IllegalStateException(m.name() + " depends on missing module " + d);
                dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(m.name());
                n++;
            }
            pending.put(m.name(), n);
        }
        PriorityQueue<ArtifactModule> ready = new PriorityQueue<>(Comparator.comparingInt(m -> rank.get(m.name())));
        sorted.stream().filter(m -> pending.get(m.name()) == 0).forEach(ready::add);
        List<ArtifactModule> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            ArtifactModule m = ready.poll();
            out.add(m);
            for (String d : dependents.getOrDefault(m.name(), List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) ready.add(byName.get(d));
            }
        }
        if (out.size() != sorted.size()) throw new IllegalStateException("module dependencies form a cycle");
        return List.copyOf(out);
    }
}
