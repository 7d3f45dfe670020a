package org.cotejo.cases.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.Query;

/** The plan a database chooses for a statement, one line per step, for tests that guard the indexes. */
final class QueryPlans {
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z]+)");
    private static final Pattern WHOLE_TABLE = Pattern.compile("^(SCAN (events|detections|alerts|observations|evidence_files)\\b.*|.*Seq Scan on .*)");

    private QueryPlans() {}

    /**
     * The plan of {@code sql} with its named parameters bound to {@code values} (real values of the
     * case: planners estimate from them, and an unknown value looks free to fetch any way). PostgreSQL
     * plans tiny test tables with sequential scans whatever the indexes, so there sequential scans are
     * priced out: a plan that still reads a whole table has no index to use.
     */
    static List<String> plan(CaseStore store, String sql, Map<String, Object> values) {
        return store.transaction(h -> {
            if (store.postgres()) h.execute("SET LOCAL enable_seqscan = off");
            Query q = h.createQuery((store.postgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql);
            Set<String> names = new LinkedHashSet<>();
            Matcher m = NAMED.matcher(sql);
            while (m.find()) names.add(m.group(1));
            for (String name : names) q.bind(name, values.get(name));
            return store.postgres() ? q.mapTo(String.class).list() : q.map((r, ctx) -> r.getString("detail")).list();
        });
    }

    static boolean readsAWholeTable(String planLine) {
        return WHOLE_TABLE.matcher(planLine.strip()).matches();
    }
}
