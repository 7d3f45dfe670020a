package org.cotejo.cli.iocs;

import java.io.PrintWriter;
import java.util.List;
import org.cotejo.core.CotejoException;
import org.cotejo.core.observable.ObservableType;

/** The demo's check: each sample value with its stated type ("-" to let Cotejo infer it). */
public final class DemoCheck {
    private DemoCheck() {}

    public static int run(List<String[]> sample, LoadedFeeds feeds, PrintWriter out) {
        int matched = 0;
        for (String[] entry : sample) {
            ObservableType type = entry[0].equals("-") ? null : ObservableType.fromKey(entry[0])
                    .orElseThrow(() -> new CotejoException("demo sample: unknown type " + entry[0]));
            CheckResult r = CheckResult.check(entry[1], type, feeds);
            if (r.matched()) matched++;
            out.println(r.toLine());
        }
        return matched;
    }
}
