package org.cotejo.forensics.mvt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an MVT results folder the way MVT writes it: Python's JSON encoder with indent 4, bytes as
 * text, datetimes as strings, NaN as a bare word; plus the files MVT writes beside the results.
 */
final class MvtFolder {
    private final Path root;

    MvtFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path root() { return root; }

    MvtFolder write(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text);
        return this;
    }

    /** What {@code mvt-ios check-backup -o} leaves beside the module results. */
    MvtFolder v3Extras() throws IOException {
        return write("info.json", """
                {
                    "target_path": "/cases/ana/backup/00008110-000A",
                    "mvt_version": "2026.7.29",
                    "date": "2026-08-20 10:00:00.123456",
                    "ioc_files": [
                        "/home/analyst/.local/share/mvt/indicators/pegasus.stix2"
                    ],
                    "hashes": []
                }""")
                .write("alerts.json", "[\n    {\n        \"level\": \"CRITICAL\",\n        \"module\": \"sms\"\n    }\n]")
                .write("sms_detected.json", "[\n    {\n        \"level\": \"CRITICAL\"\n    }\n]")
                .write("urls.json", "[\n    {\n        \"url\": \"https://example.org/x\",\n        \"source\": \"sms\"\n    }\n]")
                .write("timeline.csv", "\"UTC Timestamp\",\"Plugin\",\"Event\",\"Description\"\n")
                .write("alerts_timeline.csv", "\"Event Time\",\"Module\",\"Message\",\"Event\"\n")
                .write("command.log", "INFO Parsing STIX2 indicators file\n");
    }

    static final String SMS = """
            [
                {
                    "ROWID": 1,
                    "guid": "4B3E6F0A-1B2C-4D5E-8F90-A1B2C3D4E5F6",
                    "text": "Your parcel is waiting: https://example.org/track?id=7",
                    "handle_id": 1,
                    "service": "SMS",
                    "account": "P:+34600000000",
                    "date": 645356431000000000,
                    "is_from_me": 0,
                    "attributedBody": "BAtzdHJlYW10eXBlZIHoA4QBQISEhBJOU0F0dHJpYnV0ZWRTdHJpbmcAhIQITlNPYmplY3QA",
                    "phone_number": "+34600000001",
                    "isodate": "2021-06-14 09:40:31.000000",
                    "isodate_read": "",
                    "direction": "received",
                    "links": [
                        "https://example.org/track?id=7"
                    ]
                },
                {
                    "ROWID": 2,
                    "guid": "5C4F7A1B-2C3D-4E5F-9A01-B2C3D4E5F6A7",
                    "text": "caf\\u00e9 \\\\xff plain",
                    "handle_id": 1,
                    "service": "iMessage",
                    "account": "e:ana@example.com",
                    "date": 645356500000000000,
                    "is_from_me": 1,
                    "attributedBody": null,
                    "phone_number": "friend@example.net",
                    "isodate": "2021-06-14 09:41:40.000000",
                    "isodate_read": "2021-06-14 09:45:00.000000",
                    "direction": "sent",
                    "links": []
                }
            ]""";

    static final String SAFARI_HISTORY = """
            [
                {
                    "id": 12,
                    "url": "http://bad.example.com/redirect",
                    "visit_id": 40,
                    "timestamp": 645451410.123456,
                    "isodate": "2021-06-15 12:03:30.123456",
                    "redirect_source": null,
                    "redirect_destination": 41,
                    "safari_history_db": "Library/Safari/History.db"
                }
            ]""";

    static final String DATAUSAGE = """
            [
                {
                    "first_isodate": "2021-06-01 08:00:00.000000",
                    "isodate": "2021-06-14 10:00:00.000000",
                    "proc_name": "bh",
                    "bundle_id": "",
                    "proc_id": 215,
                    "wifi_in": 1024.0,
                    "wifi_out": NaN,
                    "wwan_in": 0.0,
                    "wwan_out": 0.0,
                    "live_id": 3001,
                    "live_proc_id": 215,
                    "live_isodate": "2021-06-14 10:00:00.000000"
                }
            ]""";

    static final String CACHE_FILES = """
            {
                "private/var/mobile/Containers/Data/Application/0A1B2C3D/Library/Caches/com.apple.mobilesafari/Cache.db": [
                    {
                        "entry_id": 1,
                        "version": 0,
                        "hash_value": 123456,
                        "storage_policy": 0,
                        "url": "https://cdn.example.org/a.js",
                        "isodate": "2021-06-15 12:03:31"
                    },
                    {
                        "entry_id": 2,
                        "version": 0,
                        "hash_value": 654321,
                        "storage_policy": 0,
                        "url": "https://img.example.net/b.png",
                        "isodate": "2021-06-15 12:03:32"
                    }
                ],
                "private/var/mobile/Library/Caches/com.apple.Maps/Cache.db": [
                    {
                        "entry_id": 9,
                        "version": 0,
                        "hash_value": 1,
                        "storage_policy": 0,
                        "url": "https://maps.example.com/tile",
                        "isodate": "2021-06-16 08:00:00"
                    }
                ]
            }""";

    static final String BACKUP_INFO = """
            {
                "Build Version": "18F72",
                "Device Name": "Ana's iPhone",
                "Display Name": "Ana's iPhone",
                "GUID": "0123456789ABCDEF0123456789ABCDEF",
                "ICCID": null,
                "IMEI": "350000000000001",
                "Installed Applications": [
                    "com.apple.mobilesafari",
                    "net.whatsapp.WhatsApp"
                ],
                "Last Backup Date": "2021-06-20 10:00:00+00:00",
                "Product Type": "iPhone12,1",
                "Product Version": "14.6",
                "Serial Number": "F2LXXXXXXX",
                "Unique Identifier": "00008030-001A2B3C4D5E6F70"
            }""";
}
