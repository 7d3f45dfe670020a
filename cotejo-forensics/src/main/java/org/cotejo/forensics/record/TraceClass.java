package org.cotejo.forensics.record;

/**
 * The independent kinds of trace a spyware infection leaves. A verdict of "infected" needs indicator
 * matches in at least two of them, one of which shows the implant on the device; traces that only show
 * the user looked at something ({@link #BROWSING}) are exposure on their own.
 */
public enum TraceClass {
    /** A process ran: DataUsage/netusage process rows, shutdown.log clients, TCC and locationd clients, analytics. */
    EXECUTION("process traces", true),
    /** A file of the implant on disk: file paths and names from the manifest, the filesystem, attachments. */
    FILESYSTEM("file traces", true),
    /** The device's configuration was changed: configuration profiles, installed apps, permissions. */
    CONFIGURATION("configuration traces", true),
    /** The device talked to a server on its own: apps' URL caches, analytics naming servers, network captures and logs. */
    NETWORK("network traces", false),
    /** Something was sent to the person: links in SMS/iMessage/WhatsApp, attacker accounts, invitations. */
    DELIVERY("delivery traces", false),
    /**
     * A browser engine loaded a page: Safari, Chrome and Firefox history, tabs and favicons, and WebKit's
     * per-site stores (resource-load statistics, session logs, IndexedDB, local storage).
     */
    BROWSING("browsing traces", false),
    /** Metadata about the extraction itself (backup info, version history). */
    CONTEXT("context", false);

    private final String label;
    private final boolean onDevice;

    TraceClass(String label, boolean onDevice) {
        this.label = label;
        this.onDevice = onDevice;
    }

    public String label() { return label; }

    /** Whether a match here shows the implant itself on the device (not only contact with infrastructure). */
    public boolean showsImplant() { return onDevice; }
}
