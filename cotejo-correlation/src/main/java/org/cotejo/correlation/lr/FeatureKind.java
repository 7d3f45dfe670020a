package org.cotejo.correlation.lr;

import org.cotejo.correlation.model.EvidenceLevel;

/**
 * The kinds of evidence two devices can share, each with the level it speaks to and the default prior
 * strength taken from the field's practice (attribution.md §1.6–1.7). The likelihood ratio a kind
 * carries comes from a {@link Calibration}; these defaults only seed {@link Calibration#defaultPriors()}.
 */
public enum FeatureKind {
    // Values seen on both devices.
    SHARED_ACCOUNT("shared attacker account", "shared attacker accounts", EvidenceLevel.OPERATOR, 0.2, 2e-6),
    SHARED_DOMAIN("shared domain or URL", "shared domains or URLs", EvidenceLevel.OPERATOR, 0.6, 2e-4),
    SHARED_IP("shared dedicated IP address", "shared dedicated IP addresses", EvidenceLevel.OPERATOR, 0.3, 3e-4),
    SHARED_CERTIFICATE("shared server certificate", "shared server certificates", EvidenceLevel.OPERATOR, 0.3, 1e-4),
    SHARED_OPERATOR_VALUE("shared operator-level value", "shared operator-level values", EvidenceLevel.OPERATOR, 0.3, 3e-4),
    SHARED_WEAK_VALUE("shared weak-infrastructure value", "shared weak-infrastructure values", EvidenceLevel.WEAK_INFRASTRUCTURE, 0.5, 0.1),
    SAME_TOOL("same tool", "tool-level values (same tool only)", EvidenceLevel.TOOL, 1, 1),
    // Infrastructure features derived from enrichment between different values of the two devices.
    CO_RESOLUTION("passive-DNS co-resolution", "passive-DNS co-resolutions", EvidenceLevel.OPERATOR, 0.3, 1e-3),
    REGISTRANT_EMAIL("same WHOIS registrant e-mail", "same WHOIS registrant e-mails", EvidenceLevel.OPERATOR, 0.3, 3e-4),
    TLS_KEY("same TLS key", "same TLS keys", EvidenceLevel.OPERATOR, 0.3, 1.5e-4),
    NAME_SERVERS("same custom name servers", "same custom name servers", EvidenceLevel.OPERATOR, 0.3, 1e-2),
    REGISTRATION_BURST("registration burst", "registration bursts", EvidenceLevel.OPERATOR, 0.4, 2e-2),
    HOSTING_IP("shared hosting IP address", "shared hosting IP addresses", EvidenceLevel.WEAK_INFRASTRUCTURE, 0.3, 0.1),
    SAME_PREFIX("same /24 network", "same /24 networks", EvidenceLevel.WEAK_INFRASTRUCTURE, 0.5, 0.1),
    SAME_ASN("same autonomous system", "same autonomous systems", EvidenceLevel.WEAK_INFRASTRUCTURE, 0.8, 0.4),
    TLS_SUBJECT("same certificate subject pattern", "same certificate subject patterns", EvidenceLevel.TOOL, 1, 1);

    private final String label;
    private final String plural;
    private final EvidenceLevel level;
    private final double priorHp;
    private final double priorHd;

    FeatureKind(String label, String plural, EvidenceLevel level, double priorHp, double priorHd) {
        this.label = label;
        this.plural = plural;
        this.level = level;
        this.priorHp = priorHp;
        this.priorHd = priorHd;
    }

    public String label() { return label; }

    public String plural() { return plural; }

    /** What it can establish: tool kinds only "same tool" (their ratio is always 1). */
    public EvidenceLevel level() { return level; }

    /** Default P(a pair shares this kind | same operator). */
    public double priorHp() { return priorHp; }

    /** Default P(a pair shares this kind | different operators of the same tool). */
    public double priorHd() { return priorHd; }

    public boolean isTool() { return level == EvidenceLevel.TOOL; }

    public boolean isWeak() { return level == EvidenceLevel.WEAK_INFRASTRUCTURE; }

    /** A registration burst alone says little: it counts only beside another non-weak item. */
    public boolean onlyCombined() { return this == REGISTRATION_BURST; }

    /** "shared-domain", as written in files. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
