package org.cotejo.indicators.index;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.indicator.Match;
import org.cotejo.core.indicator.MatchRule;
import org.cotejo.core.observable.Emails;
import org.cotejo.core.observable.FilePaths;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.IpAddresses;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.core.observable.ParsedUrl;
import org.cotejo.core.observable.Refang;
import org.cotejo.core.observable.Urls;

/**
 * Answers "is this value known-bad, and by which indicator of which collection?". Built once from
 * loaded indicators, then shared read-only by any number of threads.
 *
 * <h2>Matching semantics</h2>
 * <ul>
 *   <li><b>Domain</b> indicators match the domain itself and every subdomain at any depth, label by
 *       label: {@code evil.com} matches {@code a.b.evil.com}, never {@code notevil.com} nor
 *       {@code evil.com.example.org}. A leading {@code www} label counts as the domain itself.</li>
 *   <li><b>URL</b> indicators match a URL whose normalised host, port, path and query are equal
 *       (scheme, user-info and fragment are ignored). Every URL's host is also checked against the
 *       domain indicators, and against IP indicators when the host is an address.</li>
 *   <li><b>IP</b> indicators (IPv4, IPv6, CIDR ranges) match addresses inside them, also as URL hosts.</li>
 *   <li><b>Process names</b> match exactly (case-sensitive), or as the 16-character truncation that
 *       iOS records for long names.</li>
 *   <li><b>File paths</b> match exactly or, segment by segment, as a directory that holds the path
 *       ({@code /var/foo} holds {@code /var/foo/bar}, not {@code /var/foobar}); file-name indicators
 *       match a path's last segment. Case-sensitive.</li>
 *   <li><b>Hashes</b> match by algorithm (the length says which), ignoring case.</li>
 *   <li><b>E-mails, app ids, profile ids, Android property names</b> match exactly, ignoring case;
 *       an e-mail's domain is also checked against the domain indicators.</li>
 * </ul>
 * Every match names the indicator (hence its collection and feed) and the {@link MatchRule}.
 *
 * <p>The {@code match*(CharSequence, MatchSink)} methods are the hot path: for domains, URLs with
 * plain ASCII hosts, IPv4 addresses and hashes they allocate nothing per call.
 */
public final class IndicatorIndex {
    private static final int IOS_PROCESS_NAME_LENGTH = 16;

    private final List<Indicator> indicators;
    private final StringTable domains;
    private final StringTable urlHosts;
    private final StringTable urls;
    private final IpTable ips;
    private final Map<ObservableType, StringTable> exact;
    private final StringTable truncatedProcesses;

    private IndicatorIndex(List<Indicator> indicators, StringTable domains, StringTable urlHosts, StringTable urls,
                           IpTable ips, Map<ObservableType, StringTable> exact, StringTable truncatedProcesses) {
        this.indicators = indicators;
        this.domains = domains;
        this.urlHosts = urlHosts;
        this.urls = urls;
        this.ips = ips;
        this.exact = exact;
        this.truncatedProcesses = truncatedProcesses;
    }

    /** Builds the index; indicator numbers are positions in {@code indicators}. */
    public static IndicatorIndex of(List<Indicator> indicators) {
        List<Indicator> all = List.copyOf(indicators);
        var domains = new StringTable.Builder(true);
        var urlHosts = new StringTable.Builder(true);
        var urls = new StringTable.Builder(false);
        var ips = new IpTable.Builder();
        var exact = new EnumMap<ObservableType, StringTable.Builder>(ObservableType.class);
        var truncated = new StringTable.Builder(false);
        for (int id = 0; id < all.size(); id++) {
            Observable v = all.get(id).value();
            switch (v.type()) {
                case DOMAIN -> domains.add(v.value(), id);
                case URL -> {
                    ParsedUrl u = Urls.parse(v.value());
                    urls.add(u.matchKey(), id);
                    urlHosts.add(u.host(), id);
                }
                case IPV4, IPV6, CIDR -> ips.add(v.value(), id);
                default -> {
                    exact.computeIfAbsent(v.type(), t -> new StringTable.Builder(foldsCase(t))).add(v.value(), id);
                    if (v.type() == ObservableType.PROCESS_NAME && v.value().length() > IOS_PROCESS_NAME_LENGTH) {
                        truncated.add(v.value().substring(0, IOS_PROCESS_NAME_LENGTH), id);
                    }
                }
            }
        }
        var exactTables = new EnumMap<ObservableType, StringTable>(ObservableType.class);
        exact.forEach((t, b) -> exactTables.put(t, b.build()));
        return new IndicatorIndex(all, domains.build(), urlHosts.build(), urls.build(), ips.build(),
                exactTables, truncated.build());
    }

    private static boolean foldsCase(ObservableType t) {
        return !(t == ObservableType.PROCESS_NAME || t == ObservableType.FILE_NAME || t == ObservableType.FILE_PATH);
    }

    public int size() { return indicators.size(); }

    public Indicator indicator(int number) { return indicators.get(number); }

    public List<Indicator> indicators() { return indicators; }

    /** All matches of {@code o}, ordered by indicator number then rule. */
    public List<Match> match(Observable o) {
        List<long[]> hits = new ArrayList<>();
        match(o, (id, rule) -> hits.add(new long[] {id, rule.ordinal()}));
        if (hits.isEmpty()) return List.of(); // nearly every value of a large log
        hits.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<Match> out = new ArrayList<>(hits.size());
        long[] last = null;
        for (long[] h : hits) {
            if (last != null && last[0] == h[0] && last[1] == h[1]) continue;
            out.add(new Match(o, indicators.get((int) h[0]), MatchRule.values()[(int) h[1]]));
            last = h;
        }
        return out;
    }

    /** Reports every match of {@code o} to {@code sink}; returns how many. */
    public int match(Observable o, MatchSink sink) {
        String v = o.value();
        return switch (o.type()) {
            case DOMAIN -> matchHost(v, 0, v.length(), MatchRule.DOMAIN_EXACT, MatchRule.SUBDOMAIN, sink);
            case URL -> matchUrl(v, sink);
            case IPV4, IPV6, CIDR -> matchIp(v, false, sink);
            case EMAIL -> matchExact(o.type(), v, MatchRule.EXACT, sink) + matchEmailDomain(v, sink);
            case PROCESS_NAME -> matchProcess(v, sink);
            case FILE_NAME -> matchExact(ObservableType.FILE_NAME, v, MatchRule.FILE_NAME_EXACT, sink);
            case FILE_PATH -> matchPath(v, sink);
            case MD5, SHA1, SHA256, SHA512, APP_CERT_HASH, X509_HASH, JA3, JA4 -> matchExact(o.type(), v, MatchRule.HASH_EXACT, sink);
            case APP_ID, PROFILE_ID, ANDROID_PROPERTY -> matchExact(o.type(), v, MatchRule.EXACT, sink);
        };
    }

    /**
     * Hot path for a URL, or a bare host ({@code evil.com}, {@code 1.2.3.4}, {@code evil.com:8080/x}).
     * Plain ASCII hosts are matched in place; percent-encoded, Unicode, defanged or IPv6 hosts go
     * through the full URL normaliser.
     */
    public int matchUrl(CharSequence s, MatchSink sink) {
        int n = s.length();
        int authStart = 0;
        int i = 0;
        while (i < n && i < 32 && isSchemeChar(s.charAt(i))) i++;
        if (i > 0 && i + 2 < n && s.charAt(i) == ':' && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
            authStart = i + 3;
        } else if (n >= 2 && s.charAt(0) == '/' && s.charAt(1) == '/') {
            authStart = 2;
        }
        int authEnd = authStart;
        int hostStart = authStart;
        boolean slow = false;
        for (; authEnd < n; authEnd++) {
            char c = s.charAt(authEnd);
            if (c == '/' || c == '?' || c == '#') break;
            if (c == '@') hostStart = authEnd + 1;
            else if (c == '%' || c > 0x7e || c <= ' ' || c == '[' || c == ']' || c == '(' || c == '\\') slow = true;
        }
        if (slow) return matchUrlSlowly(s.toString(), sink);
        int hostEnd = hostStart;
        while (hostEnd < authEnd && s.charAt(hostEnd) != ':') hostEnd++;
        if (hostEnd > hostStart && s.charAt(hostEnd - 1) == '.') hostEnd--;
        if (hostEnd <= hostStart) return 0;
        boolean isUrl = authStart > 0 || authEnd < n || hostEnd < authEnd || hostStart > authStart;
        int count = 0;
        long address = parseIpv4(s, hostStart, hostEnd);
        if (address >= 0) {
            count += ips.hasV4() ? ips.matchV4((int) address, sink, isUrl, 32) : 0;
        } else if (!domains.isEmpty()) {
            count += isUrl
                    ? matchHost(s, hostStart, hostEnd, MatchRule.URL_HOST_DOMAIN, MatchRule.URL_HOST_SUBDOMAIN, sink)
                    : matchHost(s, hostStart, hostEnd, MatchRule.DOMAIN_EXACT, MatchRule.SUBDOMAIN, sink);
        }
        if (isUrl && !urlHosts.isEmpty() && urlHosts.find(s, hostStart, hostEnd) >= 0) {
            count += matchWholeUrl(s.toString(), sink);
        }
        return count;
    }

    /** Hot path for a hash given as hex text of any case; the length picks the algorithm. */
    public int matchHash(CharSequence hex, MatchSink sink) {
        ObservableType t = switch (hex.length()) {
            case 32 -> ObservableType.MD5;
            case 40 -> ObservableType.SHA1;
            case 64 -> ObservableType.SHA256;
            case 128 -> ObservableType.SHA512;
            default -> null;
        };
        if (t == null) return 0;
        StringTable table = exact.get(t);
        return table == null ? 0 : report(table, table.find(hex, 0, hex.length()), MatchRule.HASH_EXACT, sink);
    }

    /** Hot path for a bare domain name. */
    public int matchDomain(CharSequence host, MatchSink sink) {
        int end = host.length();
        if (end > 0 && host.charAt(end - 1) == '.') end--;
        return matchHost(host, 0, end, MatchRule.DOMAIN_EXACT, MatchRule.SUBDOMAIN, sink);
    }

    /** Number of indicators of each type, for `iocs info`. */
    public Map<ObservableType, Integer> countsByType() {
        var counts = new EnumMap<ObservableType, Integer>(ObservableType.class);
        for (Indicator i : indicators) counts.merge(i.value().type(), 1, Integer::sum);
        return counts;
    }

    /**
     * Checks each label-boundary suffix of {@code s[from, to)} against the domain indicators, in one
     * leftward pass that carries the suffix hash along (see {@link StringTable}).
     */
    private int matchHost(CharSequence s, int from, int to, MatchRule exactRule, MatchRule subRule, MatchSink sink) {
        if (domains.isEmpty()) return 0;
        int count = 0;
        int h = 0;
        int pow = 1;
        for (int j = to - 1; j >= from; j--) {
            char c = StringTable.fold(s.charAt(j));
            if (c == '.' && j + 1 < to) {
                int e = domains.findByRawHash(h, s, j + 1, to);
                if (e >= 0) count += report(domains, e, isWwwLabel(s, from, j) ? exactRule : subRule, sink);
            }
            h += c * pow;
            pow *= StringTable.B;
        }
        int e = domains.findByRawHash(h, s, from, to);
        if (e >= 0) count += report(domains, e, exactRule, sink);
        return count;
    }

    private static boolean isWwwLabel(CharSequence s, int from, int dot) {
        return dot - from == 3 && StringTable.fold(s.charAt(from)) == 'w'
                && StringTable.fold(s.charAt(from + 1)) == 'w' && StringTable.fold(s.charAt(from + 2)) == 'w';
    }

    private static int report(StringTable table, int entry, MatchRule rule, MatchSink sink) {
        if (entry < 0) return 0;
        Postings p = table.postings();
        int from = p.from(entry);
        int to = p.to(entry);
        for (int i = from; i < to; i++) sink.accept(p.id(i), rule);
        return to - from;
    }

    private int matchExact(ObservableType type, CharSequence value, MatchRule rule, MatchSink sink) {
        StringTable table = exact.get(type);
        return table == null ? 0 : report(table, table.find(value, 0, value.length()), rule, sink);
    }

    private int matchEmailDomain(String email, MatchSink sink) {
        String domain = Emails.domainOf(email);
        return matchHost(domain, 0, domain.length(), MatchRule.EMAIL_HOST_DOMAIN, MatchRule.EMAIL_HOST_DOMAIN, sink);
    }

    private int matchProcess(String name, MatchSink sink) {
        int count = matchExact(ObservableType.PROCESS_NAME, name, MatchRule.PROCESS_EXACT, sink);
        if (name.length() == IOS_PROCESS_NAME_LENGTH) {
            count += report(truncatedProcesses, truncatedProcesses.find(name, 0, name.length()),
                    MatchRule.PROCESS_TRUNCATED, sink);
        }
        return count;
    }

    private int matchPath(String path, MatchSink sink) {
        StringTable paths = exact.get(ObservableType.FILE_PATH);
        int count = 0;
        if (paths != null) {
            count += report(paths, paths.find(path, 0, path.length()), MatchRule.FILE_PATH_EXACT, sink);
            for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
                count += report(paths, paths.find(path, 0, i), MatchRule.FILE_PATH_UNDER_DIRECTORY, sink);
            }
        }
        String name = FilePaths.baseName(path);
        if (!name.isEmpty()) count += matchExact(ObservableType.FILE_NAME, name, MatchRule.FILE_NAME_OF_PATH, sink);
        return count;
    }

    private int matchIp(String canonical, boolean inUrl, MatchSink sink) {
        long quad = IpAddresses.plainIpv4Bits(canonical); // nearly every address: no general parser needed
        if (quad >= 0) return ips.matchV4((int) quad, sink, inUrl, 32);
        var a = IpTable.parse(canonical);
        if (a == null) return 0;
        Integer prefix = a.getNetworkPrefixLength();
        if (a.isIPv4()) {
            return ips.matchV4(a.getLower().toIPv4().intValue(), sink, inUrl, prefix == null ? 32 : prefix);
        }
        long[] w = IpTable.v6Words(a.getLower());
        return ips.matchV6(w[0], w[1], sink, inUrl, prefix == null ? 128 : prefix);
    }

    private int matchUrlSlowly(String text, MatchSink sink) {
        ParsedUrl u;
        try {
            u = Urls.parse(Refang.refang(text.strip()));
        } catch (IllegalArgumentException e) {
            return 0; // not a URL; the caller decides whether that is worth reporting
        }
        int count = switch (u.hostKind()) {
            case DOMAIN -> matchHost(u.host(), 0, u.host().length(),
                    MatchRule.URL_HOST_DOMAIN, MatchRule.URL_HOST_SUBDOMAIN, sink);
            case IPV4, IPV6 -> matchIp(u.host(), true, sink);
        };
        if (!urls.isEmpty()) {
            String key = u.matchKey();
            count += report(urls, urls.find(key, 0, key.length()), MatchRule.URL_EXACT, sink);
        }
        return count;
    }

    private int matchWholeUrl(String text, MatchSink sink) {
        try {
            String key = Urls.parse(Refang.refang(text.strip())).matchKey();
            return report(urls, urls.find(key, 0, key.length()), MatchRule.URL_EXACT, sink);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }

    /**
     * Strict dotted quad (no leading zeros, no octal or hex) as an unsigned value, or -1: the rule of
     * {@code IpAddresses.normaliseIpv4}, applied to a range of characters so the hot path need not
     * cut a String out of the URL.
     */
    static long parseIpv4(CharSequence s, int from, int to) {
        long address = 0;
        int parts = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int part = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) return -1;
            }
            if (i == start || part > 255 || (s.charAt(start) == '0' && i - start > 1)) return -1;
            address = (address << 8) | part;
            parts++;
            if (i < to) {
                if (s.charAt(i) != '.' || parts == 4) return -1;
                i++;
                if (i == to) return -1;
            }
        }
        return parts == 4 ? address : -1;
    }
}
