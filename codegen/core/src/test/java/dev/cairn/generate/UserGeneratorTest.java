package dev.cairn.generate;

import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.files.FileTrees;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's jOOQ {@code <generator>} merged with ours, generated from one real migrated PostgreSQL. */
class UserGeneratorTest {

    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void migrate(@TempDir Path migrations) throws Exception {
        Files.writeString(migrations.resolve("V1__create_items.sql"), """
                CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2),
                                    is_active int NOT NULL DEFAULT 1);
                CREATE TABLE tmp_scratch (id int);
                """);
        Files.writeString(migrations.resolve("V2__create_audit_events.sql"), """
                CREATE SCHEMA audit;
                CREATE TABLE audit.events (id bigserial PRIMARY KEY, item_id int REFERENCES items (id));
                """);
        pg = EmbeddedPostgres.start();
        Migrator.migrate(FlywayFactory.configure(pg.jdbcUrl(), pg.user(), pg.password(),
                FlywaySettings.of(MigrationLocations.directories(List.of(migrations)))).load());
    }

    @AfterAll
    static void stop() {
        if (pg != null) pg.close();
    }

    private static CodegenSettings with(Generator theirs) {
        return new CodegenSettings("com.example.db", List.of("public"), "flyway_schema_history",
                Optional.of(UserGenerator.inline(theirs, "<generator>")));
    }

    private Path generate(CodegenSettings settings, String name) throws Exception {
        Path out = dir.resolve(name);
        try (Connection c = pg.connect()) {
            JooqGenerator.generate(c, settings, out);
        }
        return out;
    }

    private static String read(Path root, String file) throws Exception {
        return Files.readString(root.resolve(file));
    }

    @Test
    void anInlineGeneratorAsXmlReadsBackTheSame() {
        // What the warm engine's protocol sends: jOOQ's own toString() has no root element and failed to parse.
        Generator g = UserGenerator.parse("<generator><generate><pojos>true</pojos></generate>"
                + "<strategy><name>com.example.Prefixes</name></strategy></generator>");
        Generator back = UserGenerator.parse(UserGenerator.asXml(g));
        assertEquals(g, back);
        assertTrue(back.getGenerate().isPojos());
        assertEquals("com.example.Prefixes", back.getStrategy().getName());
    }

    @Test
    void forcedTypesPojosFluentSettersAndTheirPackageApply() throws Exception {
        Generator theirs = new Generator()
                .withDatabase(new org.jooq.meta.jaxb.Database().withForcedTypes(
                        new ForcedType().withName("BOOLEAN").withIncludeExpression("(?i:.*\\.is_active)"),
                        new ForcedType().withName("DOUBLE").withIncludeTypes("NUMERIC.*")))
                .withGenerate(new Generate().withPojos(true).withFluentSetters(true))
                .withTarget(new Target().withPackageName("org.acme.jooq").withDirectory("ignored/by/cairn"));

        Path out = generate(with(theirs), "forced");

        String items = read(out, "org/acme/jooq/tables/Items.java");
        assertTrue(items.contains("TableField<ItemsRecord, Boolean> IS_ACTIVE"), items);
        assertTrue(items.contains("TableField<ItemsRecord, Double> PRICE"), items);
        String pojo = read(out, "org/acme/jooq/tables/pojos/Items.java");
        assertTrue(pojo.contains("public Items setName(String name)"), "fluent setter in the POJO:\n" + pojo);
        assertFalse(Files.exists(out.resolve("com/example/db")), "their package wins over packageName");
        assertFalse(Files.exists(out.resolve("org/acme/jooq/tables/FlywaySchemaHistory.java")), "history table excluded");
        assertFalse(items.contains("@Generated"), "no @Generated unless asked for without a date");
        assertEquals(List.of("<generator>: <target><directory> ignored: cairn writes to its outputDirectory setting."),
                UserGenerator.inline(theirs, "<generator>").ignored());
    }

    @Test
    void aCustomStrategyClassNamesTheTables() throws Exception {
        Generator theirs = new Generator().withStrategy(new Strategy().withName(PrefixingStrategy.class.getName()));

        Path out = generate(with(theirs), "strategy");

        assertTrue(Files.exists(out.resolve("com/example/db/tables/TItems.java")), FileTrees.files(out).keySet().toString());
        assertTrue(read(out, "com/example/db/Tables.java").contains("public static final TItems ITEMS = TItems.ITEMS;"));
        assertFalse(Files.exists(out.resolve("com/example/db/tables/Items.java")));
    }

    @Test
    void theKotlinGeneratorWritesKotlin() throws Exception {
        Path out = generate(with(new Generator().withName("org.jooq.codegen.KotlinGenerator")), "kotlin");

        var files = FileTrees.files(out).keySet();
        assertTrue(files.contains("com/example/db/tables/Items.kt"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.endsWith(".java")), "only Kotlin: " + files);
        assertTrue(read(out, "com/example/db/tables/Items.kt").contains("open class Items("));
    }

    @Test
    void theirIncludesAndExcludesApplyAndTheHistoryTableStaysExcluded() throws Exception {
        Generator theirs = new Generator().withDatabase(new org.jooq.meta.jaxb.Database()
                .withIncludes(".*")
                .withExcludes("tmp_.*   # scratch tables are nobody's API"));

        Path out = generate(with(theirs), "filtered");

        assertTrue(Files.exists(out.resolve("com/example/db/tables/Items.java")));
        assertFalse(Files.exists(out.resolve("com/example/db/tables/TmpScratch.java")), "their exclude");
        assertFalse(Files.exists(out.resolve("com/example/db/tables/FlywaySchemaHistory.java")),
                "ours survives their '#' comment");
    }

    @Test
    void severalSchemasAreGeneratedSideBySide() throws Exception {
        Path out = generate(new CodegenSettings("com.example.db", List.of("public", "audit"), "flyway_schema_history",
                Optional.empty()), "schemas");

        var files = FileTrees.files(out).keySet();
        assertTrue(files.contains("com/example/db/public_/tables/Items.java"), files.toString());
        assertTrue(files.contains("com/example/db/audit/tables/Events.java"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.contains("FlywaySchemaHistory")), files.toString());
    }

    @Test
    void sameGeneratorTwiceGivesTheSameBytesAndLeavesTheirObjectAlone() throws Exception {
        Generator theirs = new Generator()
                .withStrategy(new Strategy().withName(PrefixingStrategy.class.getName()))
                .withGenerate(new Generate().withPojos(true).withDaos(true)
                        .withGeneratedAnnotation(true).withGeneratedAnnotationDate(false));
        String before = theirs.toString();

        Path first = generate(with(theirs), "first");
        Path second = generate(with(theirs), "second");

        assertTrue(FileTrees.sameContent(first, second), "same inputs, same bytes");
        assertEquals(before, theirs.toString(), "the merge works on a copy");
        String items = read(first, "com/example/db/tables/TItems.java");
        assertTrue(items.contains("@Generated("), "their @Generated without a date is kept");
        assertFalse(items.contains("date ="), items);
        assertTrue(Files.exists(first.resolve("com/example/db/tables/daos/ItemsDao.java")));
    }

    @Test
    void aDatedGeneratedAnnotationIsTurnedOffAndOursWinForTheReproducibleParts() {
        Generator theirs = new Generator()
                .withDatabase(new org.jooq.meta.jaxb.Database().withName("org.jooq.meta.extensions.ddl.DDLDatabase"))
                .withGenerate(new Generate().withGeneratedAnnotation(true).withGeneratedAnnotationDate(true))
                .withTarget(new Target().withEncoding("ISO-8859-1").withClean(false));

        Generator merged = JooqGenerator.configuration(with(theirs), Path.of("/staging")).getGenerator();

        assertEquals(GeneratorMerge.DATABASE, merged.getDatabase().getName());
        assertEquals("public", merged.getDatabase().getInputSchema());
        assertFalse(merged.getGenerate().isGeneratedAnnotation());
        assertFalse(merged.getGenerate().isGeneratedAnnotationDate());
        assertEquals("UTF-8", merged.getTarget().getEncoding());
        assertTrue(merged.getTarget().isClean());
        assertEquals("/staging", merged.getTarget().getDirectory());
        assertEquals("com.example.db", merged.getTarget().getPackageName());
        assertFalse(merged.getGenerate().isImplicitJoinPathsManyToMany(), "cairn's default where jOOQ's differs");
    }

    @Test
    void aJooqXmlFileIsReadWithAConfigurationOrAGeneratorRoot() throws Exception {
        Path configuration = Files.writeString(dir.resolve("jooq-codegen.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration xmlns="http://www.jooq.org/xsd/jooq-codegen-3.21.0.xsd">
                  <jdbc><url>jdbc:postgresql://prod/db</url></jdbc>
                  <generator>
                    <name>org.jooq.codegen.KotlinGenerator</name>
                    <generate><pojos>true</pojos></generate>
                  </generator>
                </configuration>
                """);
        Path bare = Files.writeString(dir.resolve("generator.xml"), """
                <generator>
                  <database><forcedTypes><forcedType><name>BOOLEAN</name><includeExpression>.*\\.is_active</includeExpression></forcedType></forcedTypes></database>
                </generator>
                """);

        UserGenerator fromConfiguration = UserGenerator.load(configuration);
        assertEquals("org.jooq.codegen.KotlinGenerator", fromConfiguration.generator().getName());
        assertTrue(fromConfiguration.generator().getGenerate().isPojos());
        assertEquals(List.of("jooq-codegen.xml: <jdbc> ignored: the classes are generated from cairn's throwaway PostgreSQL."),
                fromConfiguration.ignored());

        UserGenerator fromGenerator = UserGenerator.load(bare);
        assertEquals("BOOLEAN", fromGenerator.generator().getDatabase().getForcedTypes().getFirst().getName());
        assertEquals(List.of(), fromGenerator.ignored());

        Path other = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserGenerator.load(other));
        assertTrue(e.getMessage().contains("root element is <project>"), e.getMessage());
    }
}
