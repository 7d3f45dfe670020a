package org.cotejo.cases.custody;

/**
 * One thing {@code cotejo case verify} found wrong.
 *
 * @param what    which check found it
 * @param where   the exact place: "ledger entry 7", "signing key 3fa2…", a file's absolute path, "scan 5c1e…"
 * @param message what is wrong there, for a person
 */
public record Discrepancy(What what, String where, String message) {

    /** The check that found a discrepancy; {@link #text()} is how it is printed. */
    public enum What {
        CHAIN("chain"), SIGNATURE("signature"), TIMESTAMP("timestamp"), EVIDENCE("evidence"), RESULT("result"),
        /** A foreign case's received package: its files, manifest or signature. */
        PACKAGE("package");

        private final String text;

        What(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    @Override
    public String toString() {
        return what.text() + ": " + where + ": " + message;
    }
}
