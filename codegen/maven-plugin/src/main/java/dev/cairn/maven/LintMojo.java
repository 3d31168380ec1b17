package dev.cairn.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** The migrations' static checks alone, without a database; fails on an error-level finding. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class LintMojo extends AbstractCairnMojo {

    /** List the findings in released (locked) migrations too; they still never fail the build. */
    @Parameter(property = "cairn.all")
    protected Boolean all;

    @Override
    protected String goal() {
        return "lint";
    }
}
