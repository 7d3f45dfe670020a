package org.cotejo.indicators.warninglist;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cotejo.core.observable.InvalidObservableException;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * {@code hostname} lists: a name matches an entry when it is the entry or ends with "." + entry, so
 * {@code apple.com} covers {@code x.apple.com} but never {@code notapple.com}. Checked against
 * domains, URL hosts and e-mail domains, as far as the list applies to those types.
 *
 * <p>Entries are normalised like domain observables (which drop a leading {@code www.}), so an entry
 * {@code www.example.com} covers all of {@code example.com}: for a warning list, erring towards a
 * warning is the safe side.
 */
final class HostnameEntries implements EntryMatcher {
    // TLDs and special names such as "test" or "localhost" are one label; a normaliser may refuse them.
    private static final Pattern SINGLE_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private final Set<ObservableType> appliesTo;
    private final Map<String, String> names;

    private HostnameEntries(Set<ObservableType> appliesTo, Map<String, String> names) {
        this.appliesTo = appliesTo;
        this.names = names;
    }

    static HostnameEntries of(Set<ObservableType> appliesTo, List<String> entries, List<String> notes) {
        Map<String, String> names = new HashMap<>();
        for (String entry : entries) {
            // MISP lists write "all subdomains of" as ".example.com" or "*.example.com"; here that is the default.
            String name = entry.strip();
            if (name.startsWith("*.")) name = name.substring(2);
            if (name.startsWith(".")) name = name.substring(1);
            Optional<String> normalised = normalise(name);
            if (normalised.isPresent()) names.putIfAbsent(normalised.get(), entry);
            else notes.add("entry '" + entry + "' is not a host name");
        }
        return new HostnameEntries(appliesTo, names);
    }

    private static Optional<String> normalise(String name) {
        try {
            return Optional.of(ObservableType.DOMAIN.normalise(name).value());
        } catch (InvalidObservableException e) {
            String lower = name.toLowerCase(Locale.ROOT);
            return SINGLE_LABEL.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
        }
    }

    @Override
    public Optional<Found> find(Observable observable) {
        if (!appliesTo.contains(observable.type())) return Optional.empty();
        return switch (observable.type()) {
            case DOMAIN -> find(observable.value(), "");
            case URL -> UrlHost.of(observable.value())
                    .filter(host -> !host.isIp())
                    .flatMap(host -> find(host.host(), "the URL's host "));
            case EMAIL -> {
                int at = observable.value().lastIndexOf('@');
                yield at < 0 ? Optional.empty() : find(observable.value().substring(at + 1), "the e-mail domain ");
            }
            default -> Optional.empty();
        };
    }

    /** Walks from the full name up to the top-level label, so the most specific entry wins. */
    private Optional<Found> find(String host, String what) {
        for (String name = host; !name.isEmpty(); ) {
            String entry = names.get(name);
            if (entry != null) {
                String how = name.equals(host) ? what + host + " is on the list"
                        : what + host + " is a subdomain of " + name;
                return Optional.of(new Found(entry, how));
            }
            int dot = name.indexOf('.');
            name = dot < 0 ? "" : name.substring(dot + 1);
        }
        return Optional.empty();
    }
}
