package org.cotejo.forensics.ios.webkitdata;

import java.time.Instant;
import org.cotejo.forensics.module.Location;
import org.cotejo.forensics.record.Fields;
import org.cotejo.forensics.record.TimelineEvent;

/**
 * Sites whose data SafariViewService (the in-app Safari sheet apps open links in) stored: a link
 * opened from a messaging app leaves its site here.
 */
public final class WebkitSafariViewService extends WebsiteDataEntries {
    static final Location SAFARI_VIEW_SERVICE = Location.fs(
            "private/var/mobile/Containers/Data/Application/*/SystemData/com.apple.SafariViewService/Library/WebKit/WebsiteData");

    @Override public String name() { return "WebkitSafariViewService"; }
    @Override public String description() { return "Sites whose data SafariViewService (in-app Safari) stored"; }
    @Override Location folders() { return SAFARI_VIEW_SERVICE; }

    /** MVT gives this module no timeline. */
    @Override
    TimelineEvent event(Instant time, Fields r) {
        return null;
    }
}
