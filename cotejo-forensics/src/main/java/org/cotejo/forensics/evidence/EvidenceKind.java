package org.cotejo.forensics.evidence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;

/** The kinds of extraction Cotejo reads; the key is what the command line calls them. */
public enum EvidenceKind {
    IOS_BACKUP("ios-backup", "iTunes/Finder backup"),
    IOS_FS("ios-fs", "iOS full filesystem dump"),
    SYSDIAGNOSE("sysdiagnose", "iOS sysdiagnose archive"),
    MVT_RESULTS("mvt-results", "MVT results folder"),
    ANDROIDQF("androidqf", "AndroidQF collection"),
    BUGREPORT("bugreport", "Android bugreport"),
    ANDROID_BACKUP("android-backup", "Android backup (.ab)"),
    INTRUSION_LOGS("intrusion-logs", "Android intrusion-logging export"),
    PCAP("pcap", "packet capture (pcap, pcapng)"),
    ZEEK("zeek", "Zeek logs"),
    SURICATA("suricata", "Suricata EVE JSON log"),
    NETLOG("netlog", "DNS-resolver or proxy log"),
    PIROGUE("pirogue", "PiRogue capture session folder");

    private final String key;
    private final String label;

    EvidenceKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    /**
     * The kinds an extraction of this kind may carry inside it, opened as nested extractions: an
     * AndroidQF collection holds a bugreport, a backup and intrusion logs.
     */
    public Set<EvidenceKind> nests() {
        if (this == ANDROIDQF) return EnumSet.of(BUGREPORT, ANDROID_BACKUP, INTRUSION_LOGS);
        if (this == PIROGUE) return EnumSet.of(PCAP, SURICATA);
        return EnumSet.noneOf(EvidenceKind.class);
    }

    /** Whether this is network evidence: traffic seen from outside the phone, attributed to it by address. */
    public boolean network() {
        return this == PCAP || this == ZEEK || this == SURICATA || this == NETLOG || this == PIROGUE;
    }

    /** Whether this is one of the Android kinds, whose times are device-local unless a zone is known. */
    public boolean android() {
        return this == ANDROIDQF || this == BUGREPORT || this == ANDROID_BACKUP || this == INTRUSION_LOGS;
    }

    public static Optional<EvidenceKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
