#!/usr/bin/env bash
# Writes a throwaway Maven project that generates jOOQ classes the way users wire it by hand today.
#   peer-project.sh flyway-jooq DIR OUT URL LOCATIONS   flyway-maven-plugin + jooq-codegen-maven, running PostgreSQL
#   peer-project.sh ddl         DIR OUT SCRIPTS_DIR     jooq-codegen-maven with DDLDatabase (no database)
#   peer-project.sh testcontainers DIR OUT LOCATIONS IMAGE  testcontainers-jooq-codegen-maven-plugin (Docker)
# LOCATIONS: comma-separated Flyway locations (filesystem:/abs/dir,...). OUT: generated source root.
# The jOOQ <generate>/<target> settings mirror dev.cairn.generate.JooqGenerator.
# PEER_DB_USER / PEER_DB_PASSWORD: the running server's login (default postgres, no password).
set -euo pipefail
: "${PEER_DB_USER:=postgres}" "${PEER_DB_PASSWORD:=}"
kind=$1 dir=$2 out=$3
: "${JOOQ_VERSION:=3.21.9}" "${FLYWAY_PLUGIN_VERSION:=13.12.0}" "${PGJDBC_VERSION:=42.7.14}" "${TC_PLUGIN_VERSION:=0.0.4}"
mkdir -p "$dir"
generate_and_target() {
  cat <<XML
          <generate>
            <generatedAnnotation>false</generatedAnnotation>
            <javaTimeTypes>true</javaTimeTypes>
            <indexes>true</indexes>
            <keys>true</keys>
            <globalObjectReferences>true</globalObjectReferences>
            <records>true</records>
            <implicitJoinPathsManyToMany>false</implicitJoinPathsManyToMany>
            <pojos>false</pojos>
            <daos>false</daos>
          </generate>
          <target>
            <packageName>dev.trackerdb.generated</packageName>
            <directory>$out</directory>
            <encoding>UTF-8</encoding>
            <clean>true</clean>
          </target>
XML
}
pom_head() {
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>peer-$kind</artifactId>
  <version>1</version>
  <packaging>jar</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <org.jooq.no-logo>true</org.jooq.no-logo>
    <!-- Same as our FlywayFactory: CREATE INDEX CONCURRENTLY hangs behind Flyway's transactional lock. -->
    <flyway.postgresql.transactional.lock>false</flyway.postgresql.transactional.lock>
  </properties>
  <build>
    <plugins>
XML
}
tail_() { printf '    </plugins>\n  </build>\n</project>\n'; }
case $kind in
  flyway-jooq)
    url=$4 locations=$5
    { pom_head; cat <<XML
      <plugin>
        <groupId>org.flywaydb</groupId>
        <artifactId>flyway-maven-plugin</artifactId>
        <version>$FLYWAY_PLUGIN_VERSION</version>
        <dependencies>
          <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>$FLYWAY_PLUGIN_VERSION</version></dependency>
          <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$PGJDBC_VERSION</version></dependency>
        </dependencies>
        <executions><execution><id>migrate</id><phase>generate-sources</phase><goals><goal>migrate</goal></goals></execution></executions>
        <configuration>
          <url>$url</url>
          <user>$PEER_DB_USER</user>
          <password>$PEER_DB_PASSWORD</password>
          <locations>$(sed 's/,/ /g' <<<"$locations" | xargs -n1 printf '<location>%s</location>')</locations>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.jooq</groupId>
        <artifactId>jooq-codegen-maven</artifactId>
        <version>$JOOQ_VERSION</version>
        <dependencies>
          <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$PGJDBC_VERSION</version></dependency>
        </dependencies>
        <executions><execution><id>jooq</id><phase>generate-sources</phase><goals><goal>generate</goal></goals></execution></executions>
        <configuration>
          <logging>WARN</logging>
          <jdbc><driver>org.postgresql.Driver</driver><url>$url</url><user>$PEER_DB_USER</user><password>$PEER_DB_PASSWORD</password></jdbc>
          <generator>
            <database>
              <name>org.jooq.meta.postgres.PostgresDatabase</name>
              <inputSchema>public</inputSchema>
              <excludes>flyway_schema_history</excludes>
            </database>
$(generate_and_target)
          </generator>
        </configuration>
      </plugin>
XML
    tail_; } >"$dir/pom.xml" ;;
  ddl)
    scripts=$4
    { pom_head; cat <<XML
      <plugin>
        <groupId>org.jooq</groupId>
        <artifactId>jooq-codegen-maven</artifactId>
        <version>$JOOQ_VERSION</version>
        <dependencies>
          <dependency><groupId>org.jooq</groupId><artifactId>jooq-meta-extensions</artifactId><version>$JOOQ_VERSION</version></dependency>
        </dependencies>
        <executions><execution><id>jooq</id><phase>generate-sources</phase><goals><goal>generate</goal></goals></execution></executions>
        <configuration>
          <logging>WARN</logging>
          <generator>
            <database>
              <name>org.jooq.meta.extensions.ddl.DDLDatabase</name>
              <inputSchema>public</inputSchema>
              <excludes>flyway_schema_history</excludes>
              <properties>
                <property><key>scripts</key><value>$scripts/*.sql</value></property>
                <property><key>sort</key><value>flyway</value></property>
                <property><key>defaultNameCase</key><value>lower</value></property>
                <property><key>parseDialect</key><value>POSTGRES</value></property>
              </properties>
            </database>
$(generate_and_target)
          </generator>
        </configuration>
      </plugin>
XML
    tail_; } >"$dir/pom.xml" ;;
  testcontainers)
    locations=$4 image=$5
    { pom_head; cat <<XML
      <plugin>
        <groupId>org.testcontainers</groupId>
        <artifactId>testcontainers-jooq-codegen-maven-plugin</artifactId>
        <version>$TC_PLUGIN_VERSION</version>
        <dependencies>
          <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><version>1.19.1</version></dependency>
          <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$PGJDBC_VERSION</version></dependency>
          <!-- the plugin ships jOOQ 3.18; generate with the same jOOQ as everything else -->
          <dependency><groupId>org.jooq</groupId><artifactId>jooq-codegen</artifactId><version>$JOOQ_VERSION</version></dependency>
        </dependencies>
        <executions><execution><id>jooq</id><phase>generate-sources</phase><goals><goal>generate</goal></goals></execution></executions>
        <configuration>
          <database><type>POSTGRES</type><containerImage>$image</containerImage></database>
          <flyway>
            <locations>$locations</locations>
            <postgresql.transactional.lock>false</postgresql.transactional.lock>
          </flyway>
          <jooq>
            <generator>
              <database>
                <name>org.jooq.meta.postgres.PostgresDatabase</name>
                <inputSchema>public</inputSchema>
                <excludes>flyway_schema_history</excludes>
              </database>
$(generate_and_target)
            </generator>
          </jooq>
        </configuration>
      </plugin>
XML
    tail_; } >"$dir/pom.xml" ;;
  *) echo "unknown kind $kind" >&2; exit 64 ;;
esac
