package org.cotejo.correlation.enrich;

import java.util.List;
import java.util.Optional;

/**
 * The infrastructure facts loaded from enrichment files, indexed for correlation's questions. Values are
 * given normalised (lower-case hosts, canonical IPs); answers are in a stable order.
 */
public interface Enrichment {
    /** Addresses {@code domain} resolved to, by passive DNS (sorted by address, then first seen). */
    List<DnsResolution> resolutions(String domain);

    /** Domains seen resolving to {@code ip} (reverse passive DNS), sorted. */
    List<DnsResolution> domainsOn(String ip);

    /** The WHOIS record of {@code domain}'s registered domain, if one was given. */
    Optional<WhoisRecord> whois(String domain);

    /** Certificates {@code host} (a host name or an address) presented, sorted by certificate hash. */
    List<TlsCertificate> certificates(String host);

    /** The most specific announced prefix holding {@code ip}, if any. */
    Optional<AsnPrefix> prefixOf(String ip);

    /** The files the facts come from, in the order they were given. */
    List<EnrichmentSource> sources();

    /** No facts at all. */
    static Enrichment none() {
        return new Enrichment() {
            @Override public List<DnsResolution> resolutions(String domain) { return List.of(); }
            @Override public List<DnsResolution> domainsOn(String ip) { return List.of(); }
            @Override public Optional<WhoisRecord> whois(String domain) { return Optional.empty(); }
            @Override public List<TlsCertificate> certificates(String host) { return List.of(); }
            @Override public Optional<AsnPrefix> prefixOf(String ip) { return Optional.empty(); }
            @Override public List<EnrichmentSource> sources() { return List.of(); }
        };
    }
}
