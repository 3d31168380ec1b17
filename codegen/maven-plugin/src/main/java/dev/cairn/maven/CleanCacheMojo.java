package dev.cairn.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Stops this user's warm engines and removes every cache cairn keeps (snapshots, unpacked
 * PostgreSQL binaries and initdb caches, the project's caches in target/); nothing committed is
 * touched. {@code mvn cairn:clean-cache}; docs/caches.md lists each cache and its key.
 */
@Mojo(name = "clean-cache", threadSafe = true, requiresDependencyResolution = ResolutionScope.NONE)
public class CleanCacheMojo extends AbstractCairnMojo {

    @Override
    protected String goal() {
        return "clean-cache";
    }
}
