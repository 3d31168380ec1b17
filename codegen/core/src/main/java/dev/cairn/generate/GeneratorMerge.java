package dev.cairn.generate;

import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.RegexFlag;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;
import org.jooq.meta.postgres.PostgresDatabase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Our {@code <generator>} merged with the team's (docs/use-it.md, "Your jOOQ settings", has the
 * table). In short:
 * <ul>
 *   <li>theirs wins for the generator class (Java, Kotlin, Scala), the strategy, forced types and
 *       every other {@code <database>} option, the {@code <generate>} flags, includes, excludes (our
 *       history-table exclusion is always added) and the target package;</li>
 *   <li>ours always wins for what makes the run cairn's and the output reproducible: the database
 *       (PostgreSQL on the throwaway connection), the schemas (unless they gave schemata), the target
 *       directory, clean, UTF-8, and no date or configuration hash in {@code @Generated}.</li>
 * </ul>
 * jOOQ's configuration objects come with jOOQ's defaults filled in, so "they set it" can only mean
 * "it differs from jOOQ's default": where cairn's own default differs from jOOQ's (see {@link #OURS}),
 * a value equal to jOOQ's default keeps cairn's.
 */
final class GeneratorMerge {

    static final String DATABASE = PostgresDatabase.class.getName();

    /** jOOQ's defaults, to tell what a team changed from what it left alone. */
    static final Target JOOQ_TARGET = new Target();
    private static final Generate JOOQ_GENERATE = new Generate();

    /** A {@code <generate>} flag where cairn has its own default. */
    private record Flag(Function<Generate, Boolean> get, BiConsumer<Generate, Boolean> set, boolean ours) {
    }

    /**
     * cairn's {@code <generate>} defaults. Only implicitJoinPathsManyToMany differs from jOOQ's
     * (the sample's classes were generated without those paths); the rest are pinned so that a
     * jOOQ upgrade changing its defaults does not silently change the output.
     */
    private static final List<Flag> OURS = ours();

    private static List<Flag> ours() {
        List<Flag> flags = new java.util.ArrayList<>(List.of(
                new Flag(Generate::isJavaTimeTypes, Generate::setJavaTimeTypes, true),
                new Flag(Generate::isIndexes, Generate::setIndexes, true),
                new Flag(Generate::isKeys, Generate::setKeys, true),
                new Flag(Generate::isGlobalObjectReferences, Generate::setGlobalObjectReferences, true),
                new Flag(Generate::isRecords, Generate::setRecords, true),
                new Flag(Generate::isPojos, Generate::setPojos, false),
                new Flag(Generate::isDaos, Generate::setDaos, false)));
        try {
            flags.add(5, new Flag(Generate::isImplicitJoinPathsManyToMany, Generate::setImplicitJoinPathsManyToMany, false));
        } catch (LinkageError olderJooq) {
            // jOOQ before 3.20 (a team on Java 17 with 3.19) has no many-to-many paths to turn off.
        }
        return List.copyOf(flags);
    }

    private GeneratorMerge() {
    }

    /**
     * The generator jOOQ runs. Without a team generator and with one schema this is exactly the
     * configuration cairn always used (same XML, so the same fingerprint and the same classes).
     */
    static Generator merge(CodegenSettings settings, Path targetDirectory) {
        Generator theirs = settings.user().map(u -> copy(u.generator())).orElseGet(Generator::new);
        return new Generator()
                .withName(theirs.getName())
                .withJava(theirs.getJava())
                .withStrategy(theirs.getStrategy())
                .withDatabase(database(theirs.getDatabase(), settings))
                .withGenerate(generate(theirs.getGenerate()))
                .withTarget(target(theirs.getTarget(), settings, targetDirectory));
    }

    private static Database database(Database theirs, CodegenSettings settings) {
        boolean given = theirs != null;
        Database d = given ? theirs : new Database();
        d.setName(DATABASE);
        boolean theirSchemas = given && (!d.getSchemata().isEmpty() || notBlank(d.getInputSchema()));
        if (!theirSchemas) {
            if (settings.schemas().size() == 1) {
                d.setInputSchema(settings.inputSchema());
            } else {
                d.setSchemata(settings.schemas().stream().map(s -> new SchemaMappingType().withInputSchema(s)).toList());
            }
        }
        d.setExcludes(excludes(d, settings.excludes()));
        return d;
    }

    /** Theirs, or-ed with ours: the history table is never generated, whatever they exclude. */
    private static String excludes(Database theirs, String ours) {
        String t = theirs.getExcludes();
        if (!notBlank(t)) return ours;
        // jOOQ compiles patterns with COMMENTS unless told otherwise (no flags = the default): a '#'
        // comment in theirs must end before ours starts.
        boolean comments = theirs.getRegexFlags().isEmpty() || theirs.getRegexFlags().contains(RegexFlag.COMMENTS);
        return "(?:" + t + (comments ? "\n" : "") + ")|" + ours;
    }

    private static Generate generate(Generate theirs) {
        Generate g = theirs != null ? theirs : new Generate();
        for (Flag f : OURS) {
            Boolean value = f.get().apply(g);
            if (Objects.equals(value, f.get().apply(JOOQ_GENERATE))) f.set().accept(g, f.ours());
        }
        // Reproducible output: @Generated without a date and without a hash of a configuration that
        // names our staging directory. jOOQ's version in it changes only with the pinned jOOQ.
        boolean annotation = Boolean.TRUE.equals(g.isGeneratedAnnotation()) && Boolean.FALSE.equals(g.isGeneratedAnnotationDate());
        g.setGeneratedAnnotation(annotation);
        g.setGeneratedAnnotationDate(false);
        try {
            g.setGeneratedAnnotationConfigurationHash(annotation ? false : JOOQ_GENERATE.isGeneratedAnnotationConfigurationHash());
        } catch (LinkageError olderJooq) {
            // jOOQ before 3.20 writes no configuration hash.
        }
        return g;
    }

    private static Target target(Target theirs, CodegenSettings settings, Path directory) {
        Target t = theirs != null ? theirs : new Target();
        if (Objects.equals(t.getPackageName(), JOOQ_TARGET.getPackageName())) t.setPackageName(settings.targetPackage());
        t.setDirectory(directory.toString());
        t.setEncoding("UTF-8");
        t.setClean(true);
        return t;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** A deep copy: the merge changes the copy, never the settings' object. */
    private static Generator copy(Generator g) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(g);
            }
            try (ObjectInputStream in = new JooqObjects(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Generator) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resolves classes with jOOQ's class loader (a Maven plugin's realm is not the JVM's class path). */
    private static final class JooqObjects extends ObjectInputStream {
        JooqObjects(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, Generator.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
