package dev.cairn.observe;

import java.util.List;
import java.util.Locale;

/** PostgreSQL's table lock modes, weakest first, as pg_locks names them. */
final class LockModes {

    static final List<String> ORDER = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private LockModes() {
    }

    static int strength(String mode) {
        return ORDER.indexOf(mode);
    }

    /** ShareLock and above conflict with RowExclusiveLock, which every write takes. */
    static boolean blocksWrites(String mode) {
        return strength(mode) >= strength("ShareLock");
    }

    /** AccessExclusiveLock conflicts with AccessShareLock: even reads wait. */
    static boolean blocksReads(String mode) {
        return mode.equals("AccessExclusiveLock");
    }

    /** "AccessExclusiveLock" -> "ACCESS EXCLUSIVE", as the docs and LOCK TABLE spell it. */
    static String sql(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
