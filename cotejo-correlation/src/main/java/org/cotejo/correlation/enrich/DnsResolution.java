package org.cotejo.correlation.enrich;

import java.time.Instant;
import java.util.Objects;

/**
 * A passive-DNS observation: {@code domain} resolved to {@code ip} between the two times.
 *
 * @param domain    normalised host name
 * @param ip        canonical IPv4 or IPv6 address
 * @param firstSeen first time observed, or null
 * @param lastSeen  last time observed, or null
 * @param from      where it was read
 */
public record DnsResolution(String domain, String ip, Instant firstSeen, Instant lastSeen, Fact from) {
    public DnsResolution {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(from, "from");
    }
}
