package dev.cairn.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Proves every undo script on a throwaway PostgreSQL: for each version n, migrate to n, apply
 * U&lt;n&gt;, require the catalog of n-1, then migrate n again.
 */
@Mojo(name = "verify-undo", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class VerifyUndoMojo extends AbstractCairnMojo {

    /** A version without an undo script fails the build, not only a note. */
    @Parameter(property = "cairn.requireAllUndo")
    protected Boolean requireAllUndo;

    @Override
    protected String goal() {
        return "verify-undo";
    }
}
