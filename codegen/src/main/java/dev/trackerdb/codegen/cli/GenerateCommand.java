package dev.trackerdb.codegen.cli;

import dev.trackerdb.codegen.generate.CodegenSettings;
import dev.trackerdb.codegen.pipeline.Pipeline;
import dev.trackerdb.codegen.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Start a throwaway PostgreSQL, apply every migration, generate the jOOQ classes.",
                "The generated directory is replaced only after a successful run."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--project-dir", defaultValue = ".", description = "Project root (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Option(names = "--migrations", split = ",", paramLabel = "DIR",
            description = "Migration directories, merged by version (default: schema/src/main/resources/db/{migration,data}).")
    List<Path> migrations;

    @Option(names = "--output", paramLabel = "DIR", description = "Generated source root (default: generated/src/main/java).")
    Path output;

    @Option(names = "--package", description = "Package of the generated classes (default: ${DEFAULT-VALUE}).",
            defaultValue = CodegenSettings.DEFAULT_PACKAGE)
    String targetPackage;

    @Override
    public Integer call() throws Exception {
        PipelineOptions options = options();
        new Pipeline(database.provider(), spec.commandLine().getOut()::println).run(options);
        return TrackerDb.OK;
    }

    PipelineOptions options() {
        Path root = projectDir.toAbsolutePath().normalize();
        PipelineOptions defaults = PipelineOptions.forProject(root);
        CodegenSettings codegen = defaults.codegen();
        return new PipelineOptions(
                migrations != null ? migrations.stream().map(p -> root.resolve(p)).toList() : defaults.migrationDirs(),
                output != null ? root.resolve(output) : defaults.outputDirectory(),
                new CodegenSettings(targetPackage, codegen.inputSchema(), codegen.excludes()));
    }
}
