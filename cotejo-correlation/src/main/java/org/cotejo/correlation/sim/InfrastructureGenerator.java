package org.cotejo.correlation.sim;

import static org.cotejo.core.observable.ObservableType.APP_CERT_HASH;
import static org.cotejo.core.observable.ObservableType.APP_ID;
import static org.cotejo.core.observable.ObservableType.DOMAIN;
import static org.cotejo.core.observable.ObservableType.EMAIL;
import static org.cotejo.core.observable.ObservableType.FILE_PATH;
import static org.cotejo.core.observable.ObservableType.PROCESS_NAME;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cotejo.core.observable.Observable;

/**
 * Generates the vendors, their operators and the infrastructure facts about them and about the
 * neighbours they share hosting with. Vendors buy hosting in bulk, so every operator of a vendor sits in
 * the same /24s and ASNs (the 2018 NSO data shows it: attribution.md §1.7); each operator has its own
 * domains, registration bursts, servers, TLS keys and accounts.
 */
final class InfrastructureGenerator {
    /** The first octets of the generated public-looking networks (no private, reserved or documentation range). */
    private static final List<Integer> FIRST_OCTETS = List.of(5, 31, 37, 45, 46, 62, 77, 78, 80, 85, 91, 93, 94, 95, 109,
            141, 146, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217);
    static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);
    /** The day the enrichment files are dated: the end of the simulated period. */
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private final WorldSpec spec;
    private final Dice dice;
    private final ObservablePool pool;
    private final EnrichmentRows rows = new EnrichmentRows();
    private final Set<String> names = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();
    private final Set<String> networks = new HashSet<>();

    InfrastructureGenerator(WorldSpec spec, Dice dice, ObservablePool pool) {
        this.spec = spec;
        this.dice = dice;
        this.pool = pool;
    }

    EnrichmentRows rows() { return rows; }

    List<Vendor> vendors() {
        return List.of(vendor("vendor-a", "Halcon", "ios"), vendor("vendor-b", "Mistral", "android"));
    }

    private Vendor vendor(String id, String name, String platform) {
        List<Observable> traces = new ArrayList<>();
        boolean ios = platform.equals("ios");
        for (int i = 0; i < (ios ? 8 : 3); i++) traces.add(pool.of(PROCESS_NAME, uniqueWord(2, 3) + "d"));
        for (int i = 0; i < 4; i++) {
            String file = ios ? "/private/var/db/com.apple.xpc." + uniqueWord(2, 3) + ".staging/" + uniqueWord(2, 2)
                    : "/data/local/tmp/." + uniqueWord(2, 3);
            traces.add(pool.of(FILE_PATH, file));
        }
        if (!ios) {
            for (int i = 0; i < 3; i++) traces.add(pool.of(APP_ID, "com.android." + uniqueWord(2, 2) + "." + uniqueWord(2, 3)));
            for (int i = 0; i < 2; i++) traces.add(pool.of(APP_CERT_HASH, dice.hex(64)));
        }
        List<Vendor.HostingBlock> hosting = new ArrayList<>();
        List<Long> asns = List.of((long) dice.between(20_000, 64_000), (long) dice.between(20_000, 64_000),
                (long) dice.between(20_000, 64_000));
        List<String> providers = List.of(dice.pick(Vocabulary.HOSTING), dice.pick(Vocabulary.HOSTING), dice.pick(Vocabulary.HOSTING));
        for (int i = 0; i < 10; i++) {
            int as = i % 3;
            Vendor.HostingBlock b = new Vendor.HostingBlock(newNetwork(), asns.get(as), providers.get(as));
            hosting.add(b);
            rows.asn.add(new EnrichmentRows.Asn(b.prefix(), b.asn(), b.asName()));
        }
        String subject = "CN=" + uniqueWord(2, 2) + ".local, O=Default Company Ltd, C=XX";
        return new Vendor(id, name, platform, traces, subject, hosting);
    }

    /**
     * The operators of both vendors. The first targets the first two countries and the second works in the
     * first country too (two operators of one vendor in one country); the others take the remaining
     * countries in turn. The last operator of each vendor is left out of the published feed.
     */
    List<Operator> operators(List<Vendor> vendors) {
        List<Operator> out = new ArrayList<>();
        List<String> cs = spec.countries();
        int next = 2;
        for (Vendor v : vendors) {
            for (int k = 1; k <= spec.operatorsPerVendor(); k++) {
                List<String> countries;
                if (out.isEmpty()) countries = List.of(cs.get(0), cs.get(1));
                else if (out.size() == 1) countries = List.of(cs.get(0));
                else countries = List.of(cs.get(next++ % cs.size()));
                boolean published = k < spec.operatorsPerVendor();
                out.add(operator(v, "op-" + v.id().substring(v.id().length() - 1) + k, countries, published));
            }
        }
        return out;
    }

    private Operator operator(Vendor v, String id, List<String> countries, boolean published) {
        List<String> languages = countries.stream().map(Vocabulary::languageOf).distinct().toList();
        List<LocalDate> bursts = new ArrayList<>();
        LocalDate first = EPOCH.plusDays(dice.between(0, 1200));
        for (int i = dice.between(1, 3); i > 0; i--) bursts.add(first.plusDays(dice.between(0, 300)));
        bursts.sort(null);
        String registrar = dice.pick(Vocabulary.REGISTRARS);
        String registrant = dice.chance(0.4) ? dice.pick(Vocabulary.GIVEN) + "." + dice.pick(Vocabulary.GIVEN)
                + dice.between(10, 9999) + "@" + dice.pick(Vocabulary.MAIL_PROVIDERS) : "";
        List<Observable> delivery = domains(languages, countries, dice.between(8, 14));
        List<Observable> validation = domains(languages, countries, dice.between(2, 4));
        List<Observable> c2 = domains(languages, countries, dice.between(3, 6));
        List<String> ns = dice.chance(0.5)
                ? List.of("ns1." + c2.get(0).value(), "ns2." + c2.get(0).value())
                : List.of(Vocabulary.DEFAULT_NAME_SERVERS.get(0), Vocabulary.DEFAULT_NAME_SERVERS.get(1));
        List<Observable> accounts = new ArrayList<>();
        for (int i = dice.between(1, 3); i > 0; i--) {
            accounts.add(pool.of(EMAIL, dice.pick(Vocabulary.GIVEN) + uniqueWord(1, 2) + dice.between(1, 999) + "@"
                    + dice.pick(Vocabulary.MAIL_PROVIDERS)));
        }
        List<String> senders = List.of("+" + (30 + dice.between(0, 60)) + dice.between(600_000_000, 699_999_999));
        List<String> keys = new ArrayList<>();
        for (int i = dice.between(1, 2); i > 0; i--) keys.add(dice.hex(64));
        List<Observable> all = new ArrayList<>(delivery);
        all.addAll(validation);
        all.addAll(c2);
        List<String> servers = new ArrayList<>();
        for (int i = Math.max(2, all.size() / 3); i > 0; i--) {
            String ip = newAddress(dice.pick(v.hosting()).prefix());
            servers.add(ip);
            Instant nb = day(bursts.get(0).plusDays(dice.between(0, 10)));
            rows.tls.add(new EnrichmentRows.Tls(ip, dice.hex(64), keys.get(i % keys.size()), v.certSubject(), nb,
                    nb.plusSeconds(365L * 86_400)));
        }
        for (int i = 0; i < all.size(); i++) {
            String domain = all.get(i).value();
            LocalDate created = bursts.get(i % bursts.size()).plusDays(dice.between(0, 3));
            rows.whois.add(new EnrichmentRows.Whois(domain, registrar, created, registrant, ns));
            Instant seen = day(created.plusDays(dice.between(1, 10)));
            Instant until = seen.plusSeconds(86_400L * dice.between(30, 400));
            rows.resolutions.add(new EnrichmentRows.Resolution(domain, servers.get(i % servers.size()), seen, until));
            if (dice.chance(0.2)) rows.resolutions.add(new EnrichmentRows.Resolution(domain, dice.pick(servers), until,
                    until.plusSeconds(86_400L * dice.between(10, 200))));
        }
        neighbours(v, servers);
        return new Operator(id, v.id(), countries, languages, delivery, validation, c2, accounts, senders, servers, keys,
                registrar, registrant, ns, bursts, published);
    }

    /**
     * Benign sites in the same /24s as the operator's servers (shared hosting), registered with the same
     * registrars behind privacy services; a few were on one of its very addresses before or after it.
     */
    private void neighbours(Vendor v, List<String> servers) {
        for (int i = 0; i < 30; i++) {
            String domain = uniqueWord(2, 4) + "." + dice.pick(Vocabulary.TLDS);
            names.add(domain);
            String ip = dice.chance(0.1) ? dice.pick(servers) : newAddress(dice.pick(v.hosting()).prefix());
            LocalDate created = EPOCH.minusDays(dice.between(0, 2000));
            Instant seen = day(created.plusDays(5));
            rows.resolutions.add(new EnrichmentRows.Resolution(domain, ip, seen, seen.plusSeconds(86_400L * dice.between(20, 300))));
            rows.whois.add(new EnrichmentRows.Whois(domain, dice.pick(Vocabulary.REGISTRARS), created, "",
                    List.of(Vocabulary.DEFAULT_NAME_SERVERS.get(2), Vocabulary.DEFAULT_NAME_SERVERS.get(3))));
            rows.tls.add(new EnrichmentRows.Tls(domain, dice.hex(64), dice.hex(64), "CN=" + domain,
                    seen, seen.plusSeconds(90L * 86_400)));
        }
    }

    /** Popular sites and platform hosts resolve to CDN addresses that many phones share. */
    void popularHosting() {
        List<String> cdn = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String prefix = newNetwork();
            cdn.add(prefix);
            rows.asn.add(new EnrichmentRows.Asn(prefix, 13_335 + i, List.of("Cloudflare, Inc.", "Akamai International B.V.",
                    "Amazon.com, Inc.", "Fastly, Inc.").get(i)));
        }
        List<String> hosts = new ArrayList<>(Vocabulary.POPULAR);
        hosts.addAll(Vocabulary.PLATFORM);
        for (String h : hosts) {
            for (int i = 0; i < 2; i++) {
                rows.resolutions.add(new EnrichmentRows.Resolution(pool.of(DOMAIN, h).value(), newAddress(dice.pick(cdn)),
                        day(EPOCH), day(AS_OF)));
            }
        }
    }

    private List<Observable> domains(List<String> languages, List<String> countries, int n) {
        List<Observable> out = new ArrayList<>();
        while (out.size() < n) {
            String lang = dice.pick(languages);
            List<String> words = Vocabulary.THEME_WORDS.get(lang);
            String a = dice.pick(words);
            String name = switch (dice.between(0, 3)) {
                case 0 -> a + "-" + dice.pick(words);
                case 1 -> a + dice.pick(words);
                case 2 -> a + "-" + dice.pick(Vocabulary.SUFFIXES);
                default -> a + "-" + dice.pick(countries).toLowerCase(Locale.ROOT) + dice.between(1, 99);
            } + "." + dice.pick(Vocabulary.TLDS);
            if (!a.equals(name) && names.add(name)) out.add(pool.of(DOMAIN, name));
        }
        return out;
    }

    /** A made-up word of {@code lo}..{@code hi} syllables, never handed out twice. */
    String uniqueWord(int lo, int hi) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = dice.between(lo, hi); i > 0; i--) b.append(dice.pick(Vocabulary.SYLLABLES));
            if (names.add(b.toString())) return b.toString();
        }
    }

    private String newNetwork() {
        while (true) {
            String p = dice.pick(FIRST_OCTETS) + "." + dice.between(0, 255) + "." + dice.between(0, 255) + ".0/24";
            if (networks.add(p)) return p;
        }
    }

    private String newAddress(String prefix) {
        String base = prefix.substring(0, prefix.lastIndexOf('.') + 1);
        while (true) {
            String ip = base + dice.between(2, 254);
            if (addresses.add(ip)) return ip;
        }
    }

    static Instant day(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
