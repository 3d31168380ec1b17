package dev.cairn.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class (or each test) its own migrated database, copied from a template that is
 * migrated once per JVM. Parameters of type {@link javax.sql.DataSource}, {@link java.sql.Connection}
 * or {@link TestDatabase} are injected. Which PostgreSQL: {@code -Dcairn.database=auto|embedded|
 * testcontainers|server} (default auto), {@code -Dcairn.image}, {@code CAIRN_SERVER_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(FreshDatabaseExtension.class)
public @interface FreshDatabase {

    enum Per { CLASS, METHOD }

    /** CLASS: one database shared by the class's tests; METHOD: a new one for every test. */
    Per per() default Per.CLASS;

    /** Flyway locations of the migration set; one template per distinct set. Default: the schema jar. */
    String[] locations() default {"classpath:db/migration", "classpath:db/data"};
}
