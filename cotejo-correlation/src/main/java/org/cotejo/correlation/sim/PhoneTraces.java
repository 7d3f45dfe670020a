package org.cotejo.correlation.sim;

import static org.cotejo.core.observable.ObservableType.APP_ID;
import static org.cotejo.core.observable.ObservableType.DOMAIN;
import static org.cotejo.core.observable.ObservableType.PROCESS_NAME;
import static org.cotejo.core.observable.ObservableType.URL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.detection.Disposition;
import org.cotejo.forensics.record.TraceClass;

/**
 * What each kind of phone shows: benign browsing, apps and platform traffic on every phone; the tool
 * traces of the vendor and some of the operator's domains, URLs and accounts on a target; spyware
 * domains in browser history only on a journalist's phone; a spyware process name as an App Store app.
 */
final class PhoneTraces {
    /** Long-tail sites: shared by few phones, by a Zipf law over this many names. */
    private static final int LONG_TAIL = 20_000;
    private static final double[] POPULAR_RANKS = Dice.zipf(Vocabulary.POPULAR.size(), 1.0);
    private static final double[] TAIL_RANKS = Dice.zipf(LONG_TAIL, 1.1);

    private final Dice dice;
    private final ObservablePool pool;
    private final FeedPublisher feed;
    private final Clock clock;
    private final List<Observable> tail = new ArrayList<>(LONG_TAIL);
    private final Map<String, double[]> deliveryRanks = new HashMap<>();
    private final List<Observable> publishedDomains;

    /** Instants held once per (day, hour): five million sightings need not carry five million times. */
    static final class Clock {
        private final Instant[] hours;

        Clock(int days) {
            hours = new Instant[days * 24];
            Instant t0 = InfrastructureGenerator.day(InfrastructureGenerator.EPOCH);
            for (int i = 0; i < hours.length; i++) hours[i] = t0.plusSeconds(3600L * i);
        }

        int days() { return hours.length / 24; }

        Instant at(int day, int hour) {
            return hours[Math.max(0, Math.min(days() - 1, day)) * 24 + hour];
        }
    }

    PhoneTraces(Dice dice, ObservablePool pool, FeedPublisher feed, Clock clock, List<Operator> operators) {
        this.dice = dice;
        this.pool = pool;
        this.feed = feed;
        this.clock = clock;
        for (int i = 0; i < LONG_TAIL; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = i; ; n /= Vocabulary.SYLLABLES.size()) {
                b.append(Vocabulary.SYLLABLES.get(n % Vocabulary.SYLLABLES.size()));
                if (n < Vocabulary.SYLLABLES.size()) break;
            }
            tail.add(pool.of(DOMAIN, b.append("-site.").append(Vocabulary.TLDS.get(i % Vocabulary.TLDS.size())).toString()));
        }
        for (Operator o : operators) deliveryRanks.put(o.id(), Dice.zipf(o.delivery().size(), 1.2));
        publishedDomains = operators.stream().flatMap(o -> o.domains().stream()).filter(feed::publishes).toList();
    }

    private static String example(String platform, TraceClass trace) {
        boolean ios = platform.equals("ios");
        return switch (trace) {
            case EXECUTION -> ios ? "DataUsage: DataUsage.sqlite (ZPROCESS)" : "Processes: ps.txt";
            case FILESYSTEM -> ios ? "Manifest: Manifest.db (Files)" : "Files: files.json";
            case CONFIGURATION -> ios ? "Applications: Info.plist" : "Packages: packages.json";
            case NETWORK -> ios ? "OSAnalytics: analytics log" : "DNS: dumpsys dnsresolver";
            case DELIVERY -> ios ? "SMS: sms.db (message)" : "SMS: backup.ab (sms_backup)";
            case BROWSING -> ios ? "Safari history: History.db (history_items)" : "Chrome history: History (urls)";
            case CONTEXT -> "extraction metadata";
        };
    }

    private void add(SightingSet set, String platform, Observable v, TraceClass trace, int day, Disposition disposition) {
        Instant first = clock.at(day, dice.between(0, 23));
        int count = dice.chance(0.6) ? 1 : dice.between(2, 12);
        Instant last = count == 1 ? first : clock.at(day + dice.between(0, 60), dice.between(0, 23));
        set.add(v, trace, count, first, last, disposition == null ? List.of() : feed.matches(v, disposition), example(platform, trace));
    }

    /**
     * About {@code n} distinct benign values over the year before the extraction: apps, system processes
     * and platform traffic (the same few on every phone), popular sites, long-tail sites and two sites of
     * the owner's own.
     */
    void benign(SightingSet set, String platform, int extractionDay, int n) {
        boolean ios = platform.equals("ios");
        int each = n / 9;
        fill(set, platform, extractionDay, each, TraceClass.CONFIGURATION,
                () -> pool.of(APP_ID, dice.pick(ios ? Vocabulary.IOS_APPS : Vocabulary.ANDROID_APPS)));
        if (ios) fill(set, platform, extractionDay, each, TraceClass.EXECUTION, () -> pool.of(PROCESS_NAME, dice.pick(Vocabulary.IOS_PROCESSES)));
        fill(set, platform, extractionDay, each, TraceClass.NETWORK, () -> pool.of(DOMAIN, dice.pick(Vocabulary.PLATFORM)));
        fill(set, platform, extractionDay, n / 5, TraceClass.BROWSING,
                () -> pool.of(DOMAIN, Vocabulary.POPULAR.get(dice.rank(POPULAR_RANKS))));
        int own = Math.min(2, n);
        fill(set, platform, extractionDay, Math.max(0, n - each * (ios ? 3 : 2) - n / 5 - own), TraceClass.BROWSING,
                () -> tail.get(dice.rank(TAIL_RANKS)));
        fill(set, platform, extractionDay, own, TraceClass.BROWSING, () -> ObservablePool.fresh(DOMAIN,
                dice.pick(Vocabulary.SYLLABLES) + dice.pick(Vocabulary.SYLLABLES) + dice.pick(Vocabulary.SYLLABLES)
                        + dice.between(1, 99_999) + "." + dice.pick(Vocabulary.TLDS)));
    }

    /** Adds {@code want} new values, drawing again on a repeat (a few times at most: small pools run dry). */
    private void fill(SightingSet set, String platform, int extractionDay, int want, TraceClass trace, Supplier<Observable> draw) {
        int goal = set.size() + want;
        for (int tries = want * 3; set.size() < goal && tries > 0; tries--) {
            add(set, platform, draw.get(), trace, extractionDay - dice.between(0, 365), null);
        }
    }

    /**
     * An operator's attack: one or two lure links (a per-target URL on a delivery domain; the operator's
     * domains are not equally used, so two of its targets often share none), sometimes a message from an
     * attacker account; unless only attempted, the vendor's implant traces and contact with validation or
     * C2 domains.
     */
    void infection(SightingSet set, Operator o, Vendor v, boolean attempted, int day) {
        String p = v.platform();
        for (int i = dice.chance(0.35) ? 2 : 1; i > 0; i--) {
            Observable domain = o.delivery().get(dice.rank(deliveryRanks.get(o.id())));
            Observable url = ObservablePool.fresh(URL, "https://" + domain.value() + "/" + dice.token(dice.between(6, 10)));
            add(set, p, domain, TraceClass.DELIVERY, day, Disposition.EVIDENCE);
            // A domain indicator matches every URL on that host, as the detection stage's index does.
            set.add(url, TraceClass.DELIVERY, 1, clock.at(day, 9), clock.at(day, 9), feed.publishes(domain)
                    ? feed.matches(domain, Disposition.EVIDENCE) : List.of(), example(p, TraceClass.DELIVERY));
        }
        if (dice.chance(0.15)) add(set, p, dice.pick(o.accounts()), TraceClass.DELIVERY, day, Disposition.EVIDENCE);
        if (attempted) return;
        List<Observable> tool = v.toolTraces();
        for (int i = dice.between(1, 3); i > 0; i--) pickOf(set, p, tool, PROCESS_NAME, TraceClass.EXECUTION, day + 1);
        if (dice.chance(0.5)) pickOf(set, p, tool, ObservableType.FILE_PATH, TraceClass.FILESYSTEM, day + 1);
        if (p.equals("android")) {
            pickOf(set, p, tool, APP_ID, TraceClass.CONFIGURATION, day);
            pickOf(set, p, tool, ObservableType.APP_CERT_HASH, TraceClass.CONFIGURATION, day);
        }
        if (dice.chance(0.6)) {
            List<Observable> back = new ArrayList<>(o.validation());
            back.addAll(o.c2());
            for (int i = dice.between(1, 2); i > 0; i--) add(set, p, dice.pick(back), TraceClass.NETWORK, day + 1, Disposition.EVIDENCE);
        }
    }

    private void pickOf(SightingSet set, String platform, List<Observable> from, ObservableType type, TraceClass trace, int day) {
        List<Observable> of = from.stream().filter(o -> o.type() == type).toList();
        if (!of.isEmpty()) add(set, platform, dice.pick(of), trace, day, Disposition.EVIDENCE);
    }

    /** A journalist who opened published spyware domains in a browser (MVT #319): exposure, not infection. */
    void exposure(SightingSet set, String platform, int day) {
        if (publishedDomains.isEmpty()) return;
        for (int i = dice.between(1, 4); i > 0; i--) {
            Observable d = dice.pick(publishedDomains);
            add(set, platform, d, TraceClass.BROWSING, day, Disposition.EXPOSURE);
            if (dice.chance(0.5)) {
                set.add(ObservablePool.fresh(URL, "https://" + d.value() + "/"), TraceClass.BROWSING, 1, clock.at(day, 20),
                        clock.at(day, 20), feed.matches(d, Disposition.EXPOSURE), example(platform, TraceClass.BROWSING));
            }
        }
    }

    /** An App Store app whose process is named like the iOS tool's best-known process (MVT #320). */
    void nameCollision(SightingSet set, Vendor ios, int day) {
        Observable process = ios.toolTraces().stream().filter(t -> t.type() == PROCESS_NAME).findFirst().orElseThrow();
        add(set, "ios", pool.of(APP_ID, "com." + dice.pick(Vocabulary.SYLLABLES) + "soft." + process.value()),
                TraceClass.CONFIGURATION, day, null);
        add(set, "ios", process, TraceClass.EXECUTION, day, Disposition.NAME_COLLISION);
    }
}
