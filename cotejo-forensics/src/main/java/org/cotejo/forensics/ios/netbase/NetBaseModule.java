package org.cotejo.forensics.ios.netbase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cotejo.core.observable.ObservableType;
import org.cotejo.forensics.module.ArtifactModule;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.Observations;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.MvtTime;
import org.cotejo.forensics.record.ObservedValue;
import org.cotejo.forensics.record.TimelineEvent;
import org.cotejo.forensics.record.TraceClass;

/**
 * What Datausage and Netusage share: the reader ({@link NetBase}), the observables (the process name,
 * and the bundle id as an app id) and the timeline. Subclasses say where their database lives.
 */
abstract class NetBaseModule implements ArtifactModule {

    /** Where this module's databases are. */
    abstract Location location();

    @Override public TraceClass trace() { return TraceClass.EXECUTION; }

    @Override
    public void extract(ModuleContext ctx) throws Exception {
        ctx.eachDatabase(location(), List.of("ZPROCESS", "ZLIVEUSAGE"), "a DataUsage/netusage database",
                (file, db) -> NetBase.read(ctx, file, db));
    }

    @Override
    public List<ObservedValue> observe(Fields r) {
        Observations o = new Observations(trace());
        String name = r.string("proc_name");
        if (name != null && !isPlaceholder(name)) {
            // iOS writes traffic a daemon made for an app as "<process>/<bundle id>" ("mDNSResponder/
            // com.apple.AppStore", "<uuid>/com.apple.facetime"): each part is a name an indicator may
            // give (MVT checks only the last one).
            for (String part : name.split("/")) o.add(ObservableType.PROCESS_NAME, "proc_name", part);
        }
        o.add(ObservableType.APP_ID, "bundle_id", r.string("bundle_id"));
        return o.list();
    }

    @Override
    public List<TimelineEvent> timeline(Fields r) {
        List<TimelineEvent> out = new ArrayList<>(3);
        String who = r.text("proc_name") + " (Bundle ID: " + r.text("bundle_id") + ", ID: " + r.text("proc_id") + ")";
        Instant live = MvtTime.parse(r.string("live_isodate"));
        if (live != null) {
            out.add(new TimelineEvent(live, slug(), "live_usage",
                    who + " WWAN IN: " + r.text("wwan_in") + ", WWAN OUT: " + r.text("wwan_out")));
        }
        // Like MVT: first and current use only for processes seen in a live row, never for placeholders.
        if (!isPlaceholder(r.string("proc_name")) && r.get("live_proc_id") != null) {
            Instant first = MvtTime.parse(r.string("first_isodate"));
            if (first != null) out.add(new TimelineEvent(first, slug(), "first_usage", who));
            Instant current = MvtTime.parse(r.string("isodate"));
            if (current != null) out.add(new TimelineEvent(current, slug(), "current_usage", who));
        }
        return out;
    }

    /** MVT's rewritten rows ("MANIPULATED [process record deleted]", "MISSING [follows x]") in imported results. */
    static boolean isPlaceholder(String procName) {
        return procName != null && (procName.contains("MANIPULATED") || procName.contains("MISSING"));
    }
}
