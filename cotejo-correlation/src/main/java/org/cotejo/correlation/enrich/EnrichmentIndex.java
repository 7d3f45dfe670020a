package org.cotejo.correlation.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cotejo.core.observable.IpAddresses;

/**
 * Infrastructure facts held in memory and indexed by host and address. Filled by the enrichment file
 * readers or, for simulated worlds, directly through {@link Builder}. Immutable once built.
 */
public final class EnrichmentIndex implements Enrichment {
    private static final Comparator<DnsResolution> BY_IP = Comparator.comparing(DnsResolution::ip)
            .thenComparing(r -> r.firstSeen() == null ? java.time.Instant.MIN : r.firstSeen())
            .thenComparing(DnsResolution::domain);
    private static final Comparator<DnsResolution> BY_DOMAIN = Comparator.comparing(DnsResolution::domain).thenComparing(BY_IP);

    private final Map<String, List<DnsResolution>> byDomain;
    private final Map<String, List<DnsResolution>> byIp;
    private final Map<String, WhoisRecord> whois;
    private final Map<String, List<TlsCertificate>> certs;
    /** Prefixes by length, longest first, each keyed by its canonical network text. */
    private final TreeMap<Integer, Map<String, AsnPrefix>> prefixes;
    private final List<EnrichmentSource> sources;

    private EnrichmentIndex(Builder b) {
        byDomain = freeze(b.byDomain, BY_IP);
        byIp = freeze(b.byIp, BY_DOMAIN);
        whois = Collections.unmodifiableMap(b.whois);
        certs = freeze(b.certs, Comparator.comparing(TlsCertificate::certSha256).thenComparing(TlsCertificate::host));
        prefixes = new TreeMap<>(Comparator.reverseOrder());
        b.prefixes.forEach((len, m) -> prefixes.put(len, Collections.unmodifiableMap(m)));
        sources = List.copyOf(b.sources);
    }

    /*
     * Takes the builder's map over instead of copying it: with ten million passive-DNS facts a copy
     * would double the memory of the lists at the moment of building. A builder builds once (see
     * Builder#build), so nothing can change the index afterwards.
     */
    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> m, Comparator<T> order) {
        m.replaceAll((k, v) -> {
            ArrayList<T> l = (ArrayList<T>) v;
            l.sort(order);
            l.trimToSize();
            return Collections.unmodifiableList(l);
        });
        return m;
    }

    public static Builder builder() { return new Builder(); }

    @Override public List<DnsResolution> resolutions(String domain) { return byDomain.getOrDefault(domain, List.of()); }

    @Override public List<DnsResolution> domainsOn(String ip) { return byIp.getOrDefault(ip, List.of()); }

    @Override
    public Optional<WhoisRecord> whois(String domain) {
        // The record is of the registered domain; a host below it inherits it.
        for (String d = domain; d != null; d = parent(d)) {
            WhoisRecord w = whois.get(d);
            if (w != null) return Optional.of(w);
        }
        return Optional.empty();
    }

    private static String parent(String host) {
        int dot = host.indexOf('.');
        return dot < 0 || dot == host.length() - 1 ? null : host.substring(dot + 1);
    }

    @Override public List<TlsCertificate> certificates(String host) { return certs.getOrDefault(host, List.of()); }

    @Override
    public Optional<AsnPrefix> prefixOf(String ip) {
        for (Map.Entry<Integer, Map<String, AsnPrefix>> e : prefixes.entrySet()) {
            String network;
            try {
                network = IpAddresses.normaliseCidr(ip + "/" + e.getKey());
            } catch (IllegalArgumentException notThisFamily) {
                continue;
            }
            AsnPrefix p = e.getValue().get(network);
            if (p != null) return Optional.of(p);
        }
        return Optional.empty();
    }

    @Override public List<EnrichmentSource> sources() { return sources; }

    /** Collects facts; values must already be normalised. */
    public static final class Builder {
        private final Map<String, List<DnsResolution>> byDomain = new HashMap<>();
        private final Map<String, List<DnsResolution>> byIp = new HashMap<>();
        private final Map<String, WhoisRecord> whois = new HashMap<>();
        private final Map<String, List<TlsCertificate>> certs = new HashMap<>();
        private final Map<Integer, Map<String, AsnPrefix>> prefixes = new HashMap<>();
        private final List<EnrichmentSource> sources = new ArrayList<>();
        private boolean built;

        public Builder source(EnrichmentSource s) {
            open();
            sources.add(s);
            return this;
        }

        /*
         * Memory matters here: a passive-DNS export can hold ten million resolutions. Each domain and
         * address is kept once (a resolution whose text equals one already held is re-made around the
         * held strings), and lists start small, since most addresses carry one or two domains.
         */
        public Builder resolution(DnsResolution r) {
            open();
            List<DnsResolution> atDomain = byDomain.computeIfAbsent(r.domain(), k -> new ArrayList<>(2));
            List<DnsResolution> atIp = byIp.computeIfAbsent(r.ip(), k -> new ArrayList<>(2));
            String domain = atDomain.isEmpty() ? r.domain() : atDomain.get(0).domain();
            String ip = atIp.isEmpty() ? r.ip() : atIp.get(0).ip();
            if (domain != r.domain() || ip != r.ip()) r = new DnsResolution(domain, ip, r.firstSeen(), r.lastSeen(), r.from());
            atDomain.add(r);
            atIp.add(r);
            return this;
        }

        /** A later record of the same domain replaces an earlier one (files given later are newer). */
        public Builder whois(WhoisRecord w) {
            open();
            whois.put(w.domain(), w);
            return this;
        }

        public Builder certificate(TlsCertificate c) {
            open();
            certs.computeIfAbsent(c.host(), k -> new ArrayList<>(2)).add(c);
            return this;
        }

        public Builder prefix(AsnPrefix p) {
            open();
            int slash = p.prefix().indexOf('/');
            int len = Integer.parseInt(p.prefix().substring(slash + 1));
            prefixes.computeIfAbsent(len, k -> new HashMap<>()).put(p.prefix(), p);
            return this;
        }

        /** The index of everything collected; the index takes the builder's collections over, so a builder builds once. */
        public EnrichmentIndex build() {
            open();
            built = true;
            return new EnrichmentIndex(this);
        }

        private void open() {
            if (built) throw new IllegalStateException("this builder has built its index already; start a new builder");
        }
    }
}
