package dev.cairn.maven;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.EnumMap;
import java.util.Map;

/**
 * For CI: generate in check mode, whatever CI says. Writes nothing; fails, by schema object, when
 * the committed classes, their fingerprint or migrations.lock are behind the migrations.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends GenerateMojo {

    @Override
    protected int run(CairnSettings settings) throws Exception {
        Map<Setting, String> values = new EnumMap<>(settings.values());
        values.put(Setting.CHECK, "true");
        Map<Setting, String> sources = new EnumMap<>(settings.sources());
        sources.put(Setting.CHECK, "goal check");
        return super.run(new CairnSettings(settings.baseDir(), values, sources, settings.generator()));
    }

    @Override
    protected String goal() {
        return "check";
    }
}
