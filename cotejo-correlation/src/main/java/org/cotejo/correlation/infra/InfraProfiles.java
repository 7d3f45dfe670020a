package org.cotejo.correlation.infra;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cotejo.core.observable.DomainNames;
import org.cotejo.core.observable.IpAddresses;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ParsedUrl;
import org.cotejo.core.observable.Urls;
import org.cotejo.correlation.enrich.AsnPrefix;
import org.cotejo.correlation.enrich.DnsResolution;
import org.cotejo.correlation.enrich.Enrichment;
import org.cotejo.correlation.enrich.TlsCertificate;
import org.cotejo.correlation.enrich.WhoisRecord;
import org.cotejo.correlation.specificity.DeviceRole;
import org.cotejo.correlation.specificity.FanOutCap;
import org.cotejo.correlation.specificity.ValueIndex;
import org.cotejo.correlation.specificity.ValueRole;

/**
 * The infrastructure facts behind each targeted device's linking values: what its domains and addresses
 * resolved to, their networks, WHOIS registrations and TLS keys. Facts are computed once per value (many
 * devices share a domain) and joined per device into one list sorted by key, so two devices are compared
 * by one merge. Only linking values are enriched: an unknown domain's registrant proves nothing until an
 * analyst confirms the domain as a pivot.
 */
public final class InfraProfiles {
    private final ValueIndex values;
    private final Enrichment enrichment;
    private final int hostingDomains;
    private final Map<Integer, List<InfraFact>> byValue = new HashMap<>();
    private final InfraFact[][] byDevice;
    private final Map<String, String> excluded = new java.util.TreeMap<>();
    private final Map<String, Integer> excludedSpread = new HashMap<>();
    private final Map<String, Boolean> hosting = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param hostingDomains an address more domains than this resolved to is shared hosting
     * @param cap            a key (an address, a registrant, a name server…) on more targeted devices than
     *                       this allows links nothing, like a value over the cap
     */
    public InfraProfiles(ValueIndex values, Enrichment enrichment, int hostingDomains, FanOutCap cap) {
        this.values = values;
        this.enrichment = enrichment;
        this.hostingDomains = hostingDomains;
        byDevice = new InfraFact[values.deviceCount()][];
        Map<String, Integer> spread = new HashMap<>();
        for (int d = 0; d < values.deviceCount(); d++) {
            if (values.role(d) != DeviceRole.TARGETED) {
                byDevice[d] = new InfraFact[0];
                continue;
            }
            List<InfraFact> all = new ArrayList<>();
            for (int v : values.valuesOf(d)) {
                if (values.valueRole(v) == ValueRole.LINKING) all.addAll(byValue.computeIfAbsent(v, this::factsOf));
            }
            InfraFact[] arr = all.toArray(new InfraFact[0]);
            Arrays.sort(arr, InfraFact.ORDER);
            byDevice[d] = arr;
            for (int i = 0; i < arr.length; i++) if (i == 0 || !arr[i].key().equals(arr[i - 1].key())) spread.merge(arr[i].key(), 1, Integer::sum);
        }
        int limit = cap.limit(values.deviceCount());
        for (Map.Entry<String, Integer> e : spread.entrySet()) {
            if (e.getValue() > limit) {
                excludedSpread.put(e.getKey(), e.getValue());
                excluded.put(e.getKey(), "on " + e.getValue() + " targeted devices, more than the cap " + cap.describe(values.deviceCount()));
            }
        }
        if (!excluded.isEmpty()) {
            for (int d = 0; d < byDevice.length; d++) {
                byDevice[d] = Arrays.stream(byDevice[d]).filter(f -> !excluded.containsKey(f.key())).toArray(InfraFact[]::new);
            }
        }
    }

    /** Keys over the fan-out cap ("reg:…" → why), sorted by key: they link nothing. */
    public Map<String, String> excludedKeys() {
        return excluded;
    }

    /** On how many targeted devices each excluded key was found. */
    public Map<String, Integer> excludedSpread() {
        return excludedSpread;
    }

    /** The device's facts sorted by {@link InfraFact#ORDER}; empty for devices that are not targeted. */
    public InfraFact[] of(int device) {
        return byDevice[device];
    }

    /** Whether an address is shared hosting: more domains than the limit resolved to it. */
    public boolean isHosting(String ip) {
        return hosting.computeIfAbsent(ip, k -> enrichment.domainsOn(k).stream().map(DnsResolution::domain).distinct().count() > hostingDomains);
    }

    private List<InfraFact> factsOf(int v) {
        Observable o = values.observable(v);
        List<InfraFact> out = new ArrayList<>();
        switch (o.type()) {
            case DOMAIN -> domainFacts(v, o.value(), out);
            case URL -> {
                ParsedUrl u = Urls.parse(o.value());
                if (u.hostKind() == ParsedUrl.HostKind.DOMAIN) domainFacts(v, u.host(), out);
                else ipFacts(v, u.host(), null, out);
            }
            case IPV4, IPV6 -> ipFacts(v, o.value(), null, out);
            default -> { }
        }
        return List.copyOf(out);
    }

    private void domainFacts(int v, String host, List<InfraFact> out) {
        Optional<String> registered = DomainNames.registrableDomain(host);
        String rd = registered.orElse(host);
        out.add(new InfraFact("rd:" + rd, v, null, null, null, "d:" + rd, ""));
        for (DnsResolution r : enrichment.resolutions(host)) {
            String what = r.from() + ": " + r.domain() + " resolved to " + r.ip() + window(r);
            ipFacts(v, r.ip(), new InfraFact("res:" + r.ip(), v, r.firstSeen(), r.lastSeen(), null, "ip:" + r.ip(), what), out);
        }
        enrichment.whois(host).ifPresent(w -> whoisFacts(v, w, out));
        tlsFacts(v, host, out);
    }

    /** An address's facts; {@code resolved} is the passive-DNS fact that led to it, or null for an address seen on the device. */
    private void ipFacts(int v, String ip, InfraFact resolved, List<InfraFact> out) {
        String basis = "ip:" + ip;
        String via = resolved == null ? ip + " (seen on the device)" : resolved.fact();
        if (isHosting(ip)) {
            out.add(new InfraFact("host:" + ip, v, null, null, null, basis, via + "; shared hosting: more than "
                    + hostingDomains + " domains resolved to it"));
        } else if (resolved != null) {
            out.add(resolved);
        } else {
            out.add(new InfraFact("res:" + ip, v, null, null, null, basis, ""));
        }
        if (ip.indexOf(':') < 0) { // IPv4: IPv6 addresses are not grouped by /24
            String net = IpAddresses.normaliseCidr(ip + "/24");
            out.add(new InfraFact("p24:" + net, v, null, null, null, basis, via + "; in " + net));
        }
        Optional<AsnPrefix> p = enrichment.prefixOf(ip);
        p.ifPresent(a -> out.add(new InfraFact("asn:" + a.asn(), v, null, null, null, basis, a.from() + ": " + ip + " is in "
                + a.prefix() + ", AS" + a.asn() + (a.asName().isEmpty() ? "" : " " + a.asName()))));
        if (resolved == null) tlsFacts(v, ip, out);
        else if (!isHosting(ip)) resolvedTlsFacts(v, ip, resolved, out);
    }

    /**
     * The keys the server at a resolved address presented while the domain resolved to it: two domains on
     * different servers with one key are one deployment (attribution.md §1.7). The fact rests on the
     * address ("ip:…" basis) as well as on the key, so it never counts beside a co-resolution on the same
     * address. Shared hosting is left out: its front end's certificate says who hosts, not who operates.
     */
    private void resolvedTlsFacts(int v, String ip, InfraFact resolved, List<InfraFact> out) {
        for (TlsCertificate c : enrichment.certificates(ip)) {
            if (!overlaps(resolved.from(), resolved.to(), c.notBefore(), c.notAfter())) continue;
            String key = c.keySha256().isEmpty() ? c.certSha256() : c.keySha256();
            String what = resolved.fact() + "; " + c.from() + ": " + ip + " presented certificate " + c.certSha256()
                    + (c.keySha256().isEmpty() ? "" : " with key " + c.keySha256());
            out.add(new InfraFact("tls:" + key, v, c.notBefore(), c.notAfter(), null, "ip:" + ip, what));
        }
    }

    private static boolean overlaps(java.time.Instant a0, java.time.Instant a1, java.time.Instant b0, java.time.Instant b1) {
        return (a0 == null || b1 == null || !a0.isAfter(b1)) && (b0 == null || a1 == null || !b0.isAfter(a1));
    }

    private void whoisFacts(int v, WhoisRecord w, List<InfraFact> out) {
        String basis = "whois:" + w.domain();
        String at = w.from() + ": " + w.domain();
        if (!w.registrantEmail().isEmpty() && !WhoisPolicy.isPrivacyEmail(w.registrantEmail())) {
            out.add(new InfraFact("reg:" + w.registrantEmail(), v, null, null, null, basis, at + " registrant " + w.registrantEmail()));
        }
        for (String ns : w.nameServers()) {
            if (!WhoisPolicy.isProviderNameServer(ns)) out.add(new InfraFact("ns:" + ns, v, null, null, null, basis, at + " name server " + ns));
        }
        if (!w.registrar().isEmpty() && w.created() != null) {
            out.add(new InfraFact("burst:" + w.registrar(), v, null, null, w.created(), basis,
                    at + " registered with " + w.registrar() + " on " + w.created()));
        }
    }

    private void tlsFacts(int v, String host, List<InfraFact> out) {
        for (TlsCertificate c : enrichment.certificates(host)) {
            String key = c.keySha256().isEmpty() ? c.certSha256() : c.keySha256();
            String what = c.from() + ": " + host + " presented certificate " + c.certSha256()
                    + (c.keySha256().isEmpty() ? "" : " with key " + c.keySha256());
            out.add(new InfraFact("tls:" + key, v, c.notBefore(), c.notAfter(), null, "tls:" + key, what));
            if (!c.subject().isEmpty()) {
                out.add(new InfraFact("subj:" + c.subject(), v, null, null, null, "subj:" + c.subject(), what + " subject " + c.subject()));
            }
        }
    }

    private static String window(DnsResolution r) {
        if (r.firstSeen() == null && r.lastSeen() == null) return "";
        return " (" + day(r.firstSeen()) + " to " + day(r.lastSeen()) + ")";
    }

    private static String day(java.time.Instant t) {
        return t == null ? "?" : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
