package dev.cairn.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * The class data sharing archive of the {@code ./cairn} script: when it finds none for this jar and
 * JDK, it starts the JVM with {@code -XX:+RecordDynamicDumpInfo -Dcairn.cds.archive=FILE}, and the
 * first generate that ran the whole pipeline (so jOOQ's codegen and parser, Flyway and the driver are
 * loaded) writes it here. Written beside the target and renamed into place, so a run that is killed,
 * or two that finish together, never leave a half-written archive for the next start to map.
 */
final class ClassArchive {

    static final String PROPERTY = "cairn.cds.archive";

    private ClassArchive() {
    }

    /** The archive this JVM should write, when it was started to record one and none exists yet. */
    static Path wanted() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) return null;
        Path target = Path.of(file);
        return Files.exists(target) ? null : target;
    }

    /** Dumps the classes loaded so far; a failure only costs the speed-up, so it is one line on stderr. */
    static void write(Path target, PrintWriter err) {
        long t0 = System.nanoTime();
        Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            // jcmd's VM.cds dynamic_dump, from inside: the JVM writes the classes it has loaded and linked.
            Object result = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[]{new String[]{"dynamic_dump", partial.toString()}}, new String[]{String[].class.getName()});
            if (!Files.isRegularFile(partial)) {
                err.println("note: no class archive written (" + String.valueOf(result).strip() + ")");
                return;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            err.printf("note: class archive for faster starts written once (%.1f s): %s%n",
                    (System.nanoTime() - t0) / 1e9, target);
        } catch (Exception | LinkageError e) {
            err.println("note: no class archive written: " + e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (java.io.IOException ignored) {
                // a leftover .partial is never mapped; the script's clean-up removes it with the next build
            }
        }
    }
}
