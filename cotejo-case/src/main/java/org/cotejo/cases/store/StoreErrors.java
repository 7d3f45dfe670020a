package org.cotejo.cases.store;

import java.sql.SQLException;
import java.util.Optional;
import org.cotejo.core.CotejoException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns the database failures a user can do something about (a locked file, a full disk, a file that
 * is not a database, a server that cannot be reached) into one-line {@link CotejoException}s that say
 * which database and what to do. Anything else is a programming error and is left as it is.
 */
final class StoreErrors {
    private StoreErrors() {}

    /** The user error this failure stands for, if it is one. {@code where} never holds a password. */
    static Optional<CotejoException> translate(Throwable failure, String where) {
        if (failure instanceof CotejoException c) return Optional.of(c);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) return sqlite(s, where);
            if (t instanceof SQLException s && s.getSQLState() != null) {
                Optional<CotejoException> pg = postgres(s, where);
                if (pg.isPresent()) return pg;
            }
        }
        return Optional.empty();
    }

    /** Rethrows the failure as the user error it stands for, or unchanged. */
    static RuntimeException rethrow(RuntimeException failure, String where) {
        return translate(failure, where).map(c -> (RuntimeException) c).orElse(failure);
    }

    private static Optional<CotejoException> sqlite(SQLiteException e, String where) {
        int primary = e.getResultCode().code & 0xff;
        String message;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            message = "case database " + where + " is locked by another program; try again when it has finished";
        } else if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            message = "case database " + where + ": the disk is full; nothing of this step was stored; free space and run it again";
        } else if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            message = "case database " + where + " is not a database (is it the right file?); give the case's case.db";
        } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            message = "case database " + where + " is damaged (SQLite: " + detail(e) + "); restore it from a copy";
        } else if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            message = "case database " + where + " cannot be opened; check that its folder exists and can be written";
        } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            message = "case database " + where + " is read-only; Cotejo needs to write to it (check the file's permissions)";
        } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            message = "case database " + where + " could not be read or written (" + detail(e) + "); check the disk";
        } else {
            return Optional.empty();
        }
        return Optional.of(new CotejoException(message, e));
    }

    private static Optional<CotejoException> postgres(SQLException e, String where) {
        String state = e.getSQLState();
        String message;
        if (state.startsWith("08")) {
            message = "case database " + where + " is unreachable (" + detail(e) + "); check that the server runs and the address is right";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = "case database " + where + " refused the login (" + detail(e) + "); check the user and password";
        } else if (state.equals("3D000")) {
            message = "case database " + where + " does not exist on that server; create it first (createdb)";
        } else if (state.equals("53100")) {
            message = "case database " + where + ": the server's disk is full; nothing of this step was stored; free space and run it again";
        } else if (state.equals("55P03")) {
            message = "case database " + where + " is locked by another program; try again when it has finished";
        } else if (state.equals("42501")) {
            message = "case database " + where + ": the user may not do this (" + detail(e) + "); ask the database administrator";
        } else {
            return Optional.empty();
        }
        return Optional.of(new CotejoException(message, e));
    }

    /** The driver's own words on one line, without SQLite's "[SQLITE_BUSY]" prefix noise. */
    private static String detail(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
