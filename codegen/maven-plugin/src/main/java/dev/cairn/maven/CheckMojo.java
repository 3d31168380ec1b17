package dev.cairn.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * For CI: generate in check mode, whatever CI says. Writes nothing; fails, by schema object, when
 * the committed classes, their fingerprint or migrations.lock are behind the migrations.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends GenerateMojo {

    @Override
    protected String goal() {
        return "check";
    }
}
