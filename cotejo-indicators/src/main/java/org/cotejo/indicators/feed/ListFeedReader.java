package org.cotejo.indicators.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cotejo.core.indicator.Collection;
import org.cotejo.core.indicator.Indicator;
import org.cotejo.core.observable.Observable;
import org.cotejo.core.observable.ObservableType;

/**
 * A plain list: one value per line; blank lines and {@code #} comments ignored. The type comes from
 * {@link FeedReader#listType}, else from a well-known file name ({@code domains.txt}, …), else from
 * each line's shape. The choice is stated in the feed's notes, because a wrong type silently matches
 * nothing.
 */
final class ListFeedReader {
    private ListFeedReader() {}

    static void read(FeedLoad load, BufferedReader in) throws IOException {
        String baseName = FeedReader.baseName(load.file);
        String key = baseName.toLowerCase(java.util.Locale.ROOT);
        ObservableType fixed = load.options.listType();
        String family = null;
        if (fixed != null) {
            load.note("type given by the user: " + fixed.label());
        } else if (TypeInference.FILE_NAMES.containsKey(key)) {
            fixed = TypeInference.FILE_NAMES.get(key);
            load.note("type inferred from the file name " + baseName + ": " + fixed.label()
                    + (fixed == ObservableType.DOMAIN ? " (IP addresses in it are read as IP addresses)" : ""));
        } else if (TypeInference.FILE_NAME_FAMILIES.containsKey(key)) {
            family = TypeInference.FILE_NAME_FAMILIES.get(key);
            load.note("type inferred from the file name " + baseName + ": " + family + ", the kind of each decided by its shape");
        } else {
            load.note("type inferred per line from the shape of each value (no --type given, file name " + baseName + " not a known list name)");
        }
        Collection collection = new Collection(load.file, baseName, "", load.file, load.sha256, null, null, load.retrieved);
        List<Indicator> indicators = new ArrayList<>();
        int lineNumber = 0;
        boolean started = false;
        for (String line; (line = in.readLine()) != null; ) {
            lineNumber++;
            String value = line.strip();
            if (value.startsWith("#")) {
                String level = LevelHints.fromComment(value.substring(1));
                if (level == null) continue;
                if (started) load.skip("line " + lineNumber, "a cotejo-level comment applies to the whole file and must come before its first entry; ignored");
                else collection = collection.withLevelHint(load.levelHint(level, "line " + lineNumber));
                continue;
            }
            if (value.isEmpty()) continue;
            started = true;
            String where = "line " + lineNumber;
            Optional<ObservableType> type = typeOf(value, fixed, family, load.options.listType() != null);
            if (type.isEmpty()) {
                load.skip(where, "cannot infer the type of '" + FeedLoad.printable(value) + "'; give --type");
                continue;
            }
            Optional<Observable> observable = load.normalise(type.get(), value, where);
            if (observable.isPresent()) indicators.add(new Indicator(load.file + ":" + lineNumber, observable.get(), collection, where));
        }
        if (!indicators.isEmpty()) {
            load.addCollection(collection);
            indicators.forEach(load::addIndicator);
        }
    }

    private static Optional<ObservableType> typeOf(String value, ObservableType fixed, String family, boolean userGiven) {
        // Lists named domains.txt hold IP addresses too (Amnesty's NoviSpy list does); a type given by the user is obeyed.
        if (fixed == ObservableType.DOMAIN && !userGiven) return Optional.of(TypeInference.domainOrIp(value));
        if (fixed != null) return Optional.of(fixed);
        if ("IP addresses".equals(family)) return TypeInference.ipType(value);
        if ("hashes".equals(family)) return TypeInference.hashType(value);
        return TypeInference.infer(value);
    }
}
