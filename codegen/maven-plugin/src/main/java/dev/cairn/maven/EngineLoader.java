package dev.cairn.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Exclusion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of cairn's engine (cairn-core, jOOQ, Flyway, the driver, the binaries), made
 * only when a goal runs. The plugin's own realm holds the mojos alone: Maven builds a realm by
 * reading the POM of every dependency in it, and that was most of what a build with nothing to
 * generate cost. The engine is resolved through Maven's resolver, with the project's
 * {@code <plugin><dependencies>} winning by groupId:artifactId, as they win for any plugin. The
 * resolved class path is remembered beside the plugin in the local repository, keyed by everything
 * that chooses it, so later builds open the jars without reading a POM.
 */
final class EngineLoader {

    /**
     * One loader per class path for the whole Maven run: a reactor of modules loads cairn once. Keyed
     * by each jar's path, size and time stamp, not its path alone: a long-lived Maven (mvnd, an IDE)
     * that sees a rebuilt SNAPSHOT jar at the same path loads it anew instead of running the old one.
     */
    private static final Map<List<String>, URLClassLoader> LOADERS = new ConcurrentHashMap<>();

    private final MavenSession session;
    private final MavenProject project;
    private final PluginDescriptor plugin;
    private final RepositorySystem repositories;

    EngineLoader(MavenSession session, MavenProject project, PluginDescriptor plugin, RepositorySystem repositories) {
        this.session = session;
        this.project = project;
        this.plugin = plugin;
        this.repositories = repositories;
    }

    ClassLoader load() throws MojoExecutionException {
        List<Dependency> engine = engineDependencies();
        List<Path> classPath = remembered(engine);
        if (classPath == null) {
            classPath = resolve(engine);
            remember(engine, classPath);
        }
        List<Path> jars = classPath;
        return LOADERS.computeIfAbsent(identity(jars), key -> newLoader(jars));
    }

    private static List<String> identity(List<Path> classPath) {
        List<String> key = new java.util.ArrayList<>();
        for (Path p : classPath) {
            java.io.File f = p.toFile();
            key.add(p + " " + f.length() + " " + f.lastModified());
        }
        return key;
    }

    /** The engine's jars as resolved by an earlier build, if that class path is remembered and complete; null otherwise. */
    List<Path> rememberedClassPath() throws MojoExecutionException {
        return remembered(engineDependencies());
    }

    /** engine.txt's artifacts, each replaced by the project's own when it names the same one, then the project's others. */
    private List<Dependency> engineDependencies() throws MojoExecutionException {
        Map<String, Dependency> byKey = new LinkedHashMap<>();
        for (String coordinates : engineCoordinates()) {
            String[] p = coordinates.split(":");
            Dependency d = new Dependency();
            d.setGroupId(p[0]);
            d.setArtifactId(p[1]);
            d.setVersion(p[2]);
            byKey.put(d.getManagementKey(), d);
        }
        for (Dependency own : projectOverrides()) byKey.put(own.getManagementKey(), own);
        return List.copyOf(byKey.values());
    }

    private List<Dependency> projectOverrides() {
        return plugin.getPlugin() == null ? List.of() : plugin.getPlugin().getDependencies();
    }

    private static List<String> engineCoordinates() throws MojoExecutionException {
        try (InputStream in = EngineLoader.class.getResourceAsStream("engine.txt")) {
            if (in == null) throw new MojoExecutionException("cairn: the plugin jar lacks dev/cairn/maven/engine.txt; reinstall the plugin.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cairn: cannot read the plugin's engine.txt: " + e.getMessage(), e);
        }
    }

    private List<Path> resolve(List<Dependency> engine) throws MojoExecutionException {
        CollectRequest request = new CollectRequest();
        request.setRepositories(project.getRemotePluginRepositories());
        for (Dependency d : engine) {
            org.eclipse.aether.graph.Dependency dependency = aether(d);
            request.addDependency(dependency);
            // the project's versions also win where the engine reaches them transitively
            if (projectOverrides().contains(d)) request.addManagedDependency(dependency);
        }
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult r : repositories.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(request, null)).getArtifactResults()) {
                files.add(r.getArtifact().getFile().toPath().toAbsolutePath());
            }
            return List.copyOf(files);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("cairn: cannot resolve the plugin's engine (" + e.getMessage()
                    + "). Check the <plugin><dependencies> versions, or run once without -o.", e);
        }
    }

    private static org.eclipse.aether.graph.Dependency aether(Dependency d) {
        var artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(),
                d.getType() == null ? "jar" : d.getType(), d.getVersion());
        List<org.eclipse.aether.graph.Exclusion> exclusions = new ArrayList<>();
        for (Exclusion e : d.getExclusions()) {
            exclusions.add(new org.eclipse.aether.graph.Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*"));
        }
        return new org.eclipse.aether.graph.Dependency(artifact, "runtime", false, exclusions);
    }

    /** The class path resolved for this engine before, if every jar of it is still there; null otherwise. */
    private List<Path> remembered(List<Dependency> engine) {
        Path file = memoryFile(engine);
        if (file == null || session.getRequest().isUpdateSnapshots() || !Files.isRegularFile(file)) return null;
        try {
            List<Path> classPath = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
            return !classPath.isEmpty() && classPath.stream().allMatch(Files::isRegularFile) ? classPath : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: resolve again, and write it anew
        }
    }

    private void remember(List<Dependency> engine, List<Path> classPath) {
        Path file = memoryFile(engine);
        if (file == null) return;
        try {
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            Files.write(partial, classPath.stream().map(Path::toString).toList());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a read-only repository: every build resolves, which is only slower
        }
    }

    /** cairn-engine-&lt;key&gt;.classpath beside the plugin's jar; the key covers all that chooses the class path. */
    private Path memoryFile(List<Dependency> engine) {
        if (plugin.getPluginArtifact() == null || plugin.getPluginArtifact().getFile() == null) return null;
        Path jar = plugin.getPluginArtifact().getFile().toPath();
        StringBuilder key = new StringBuilder("cairn engine 1\n")
                .append(session.getRepositorySession().getLocalRepository().getBasedir()).append('\n');
        try {
            key.append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        } catch (IOException e) {
            return null;
        }
        for (Dependency d : engine) {
            key.append(d.getManagementKey()).append(':').append(d.getVersion());
            d.getExclusions().forEach(x -> key.append(" -").append(x.getGroupId()).append(':').append(x.getArtifactId()));
            key.append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return jar.resolveSibling("cairn-engine-" + HexFormat.of().formatHex(hash, 0, 8) + ".classpath");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URLClassLoader newLoader(List<Path> classPath) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        // The plugin's realm is the parent: the project's <plugin><dependencies> (in the realm) and the
        // SLF4J that Maven shares with plugins come first, so the engine logs through Maven.
        return new URLClassLoader("cairn-engine", urls, EngineLoader.class.getClassLoader());
    }
}
