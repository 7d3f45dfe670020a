package org.cotejo.forensics.ios.sysdiagnose;

/** Diagnostic reports as iOS writes them: a one-line JSON header, then the body. */
final class IpsFixtures {
    private IpsFixtures() {}

    /** An iOS 16 crash report (bug type 309): JSON body, process path in {@code procPath}. */
    static String jsonCrash(String name, String procPath) {
        return "{\"app_name\":\"" + name + "\",\"timestamp\":\"2023-03-15 10:22:33.00 +0100\",\"app_version\":\"1.0\","
                + "\"slice_uuid\":\"5b0e4e2c-0000-4000-8000-000000000001\",\"build_version\":\"1\",\"platform\":2,"
                + "\"bundleID\":\"com.example." + name + "\",\"share_with_app_devs\":0,\"is_first_party\":0,\"bug_type\":\"309\","
                + "\"os_version\":\"iPhone OS 16.3.1 (20D67)\",\"incident_id\":\"0F3C2A1E-1111-2222-3333-444455556666\","
                + "\"name\":\"" + name + "\"}\n"
                + "{\n  \"uptime\" : 100000,\n  \"procLaunch\" : \"2023-03-15 10:20:00.0000 +0100\",\n"
                + "  \"procRole\" : \"Unspecified\",\n  \"exception\" : {\"codes\":\"0x0000000000000001\",\"type\":\"EXC_CRASH\"},\n"
                + "  \"threads\" : [{\"frames\":[{\"imageOffset\":1234}]}],\n"
                + "  \"procPath\" : \"" + procPath + "\",\n  \"procName\" : \"" + name + "\",\n  \"pid\" : 412\n}\n";
    }

    /** An iOS 14 crash report (bug type 109): text body with a {@code Path:} line. */
    static String textCrash(String name, String path) {
        return "{\"app_name\":\"" + name + "\",\"timestamp\":\"2021-07-01 08:00:05.12 +0000\",\"bug_type\":\"109\","
                + "\"os_version\":\"iPhone OS 14.6 (18F72)\",\"incident_id\":\"AAAA-BBBB\",\"name\":\"" + name + "\"}\n"
                + "Incident Identifier: AAAA-BBBB\nCrashReporter Key:   0123456789abcdef\nHardware Model:      iPhone12,1\n"
                + "Process:             " + name + " [77]\nPath:                " + path + "\n"
                + "Identifier:          " + name + "\nVersion:             ???\n\nException Type:  EXC_BAD_ACCESS (SIGSEGV)\n";
    }

    /** A jetsam event (bug type 298): no process name in the header, no procPath in the body. */
    static String jetsam() {
        return "{\"bug_type\":\"298\",\"timestamp\":\"2023-03-15 11:00:00.00 +0100\",\"os_version\":\"iPhone OS 16.3.1 (20D67)\","
                + "\"incident_id\":\"JETSAM-1\"}\n{\n\"crashReporterKey\" : \"abc\",\n\"processes\" : [{\"name\":\"backboardd\"}]\n}\n";
    }
}
