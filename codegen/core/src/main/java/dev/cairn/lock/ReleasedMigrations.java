package dev.cairn.lock;

import dev.cairn.config.FrontEnd;
import dev.cairn.lint.LintReport;
import dev.cairn.lint.Severity;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which migration files are released: those in migrations.lock with the content they were locked
 * with, and the undo scripts of their versions. A file is locked only after a run linted and
 * observed it; one edited since (allowed while its entry is not committed, {@link CommittedLock})
 * no longer matches its line, and is new work again, linted and observed in full. A released migration may have run on a real database; nobody may edit it, so
 * its lint findings are history, not work: they never fail a build. What is not locked yet is new
 * work, linted in full.
 */
public record ReleasedMigrations(Set<Path> files) {

    public ReleasedMigrations {
        files = Set.copyOf(files);
    }

    public static ReleasedMigrations none() {
        return new ReleasedMigrations(Set.of());
    }

    public static ReleasedMigrations of(Path lockFile, MigrationFiles scanned) throws IOException {
        if (!Files.isRegularFile(lockFile)) return none();
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (MigrationLock.Entry e : MigrationLock.read(lockFile).entries()) labels.put(e.file(), e.sha256());
        Set<Path> released = new HashSet<>();
        Set<MigrationVersion> versions = new HashSet<>();
        for (MigrationFile f : scanned.migrations()) {
            if (f.sha256().equals(labels.get(f.label()))) {
                released.add(f.path().toAbsolutePath().normalize());
                if (f.version() != null) versions.add(f.version());
            }
        }
        for (MigrationFile u : scanned.undo()) {
            if (u.version() != null && versions.contains(u.version())) released.add(u.path().toAbsolutePath().normalize());
        }
        return new ReleasedMigrations(released);
    }

    public boolean contains(Path file) {
        return files.contains(file.toAbsolutePath().normalize());
    }

    /** The report without the findings in released files: the new work, which may fail a build. */
    public LintReport newWork(LintReport all) {
        return new LintReport(all.findings().stream().filter(f -> !contains(f.file())).toList(), all.filesChecked());
    }

    /** Errors and warnings in released files. */
    public long releasedFindings(LintReport all) {
        return all.findings().stream().filter(f -> contains(f.file())
                && (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)).count();
    }

    /** "; 12 findings in released migrations (cairn lint --all lists them)", or "" when there are none. */
    public String summarySuffix(LintReport all) {
        return summarySuffix(all, FrontEnd.CLI);
    }

    /** As above, with the front end's own command ({@code mvn cairn:lint -Dcairn.all} for Maven). */
    public String summarySuffix(LintReport all, FrontEnd frontEnd) {
        long n = releasedFindings(all);
        return n == 0 ? "" : "; " + n + " finding" + (n == 1 ? "" : "s") + " in released migrations (" + frontEnd.lintAll() + " lists them)";
    }
}
