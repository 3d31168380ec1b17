package dev.cairn.cli;

import dev.cairn.build.Caches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "clean-cache", mixinStandardHelpOptions = true,
        description = {"Stop this user's warm engines and remove every cache cairn keeps.",
                "Snapshots, the unpacked PostgreSQL binaries and their initdb caches, and the project's caches in",
                "target/. Nothing committed is touched; the next generate migrates from zero. docs/caches.md lists",
                "each cache and its key."})
final class CleanCacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--snapshot-cache", paramLabel = "DIR", description = "The snapshot cache, when not the default one.")
    String snapshotCache;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<dev.cairn.config.Setting, String> more = snapshotCache == null ? Map.of()
                : Map.of(dev.cairn.config.Setting.SNAPSHOT_CACHE, snapshotCache);
        Caches.clean(project.settings(more), System.getenv(), out::println);
        return Cairn.OK;
    }
}
