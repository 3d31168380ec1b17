package dev.cairn.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn cairn:watch}: generate now, then again whenever a migration file is saved, one line per
 * run, until Ctrl-C, in one JVM that stays warm (about a second per run, from a snapshot). The same
 * settings as {@code generate}; not bound to a phase. Ctrl-C leaves no server behind.
 */
@Mojo(name = "watch", threadSafe = true, requiresDependencyResolution = ResolutionScope.NONE)
public class WatchMojo extends GenerateMojo {

    @Override
    protected String goal() {
        return "watch";
    }
}
