package dev.cairn.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;

/**
 * Adds new migrations to migrations.lock; never changes a locked line. Adopting the tool on an
 * existing chain is {@code mvn cairn:lock} once: the locked migrations are released, and their
 * lint findings are a summary line instead of a failed build. Not bound to a phase.
 */
@Mojo(name = "lock", threadSafe = true, requiresDependencyResolution = ResolutionScope.NONE)
public class LockMojo extends AbstractCairnMojo {

    /** The migration lock. Default migrations.lock beside the first location's folder. */
    @Parameter(property = "cairn.lockFile")
    protected File lockFile;

    /**
     * Versions to take back out of the lock, comma-separated (-Dcairn.unlock=1.28): migrations a local run
     * locked that are still your own work; the next generate lints, observes and locks them anew. In git,
     * what is committed at HEAD has shipped and cannot be unlocked.
     */
    @Parameter(property = "cairn.unlock")
    protected String unlock;

    @Override
    protected String goal() {
        return "lock";
    }
}
