package io.gridcast.server.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.gridcast.queue.jdbc.Dialect;
import io.gridcast.server.config.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server's packages depend one way: HTTP on the domain, never the domain on HTTP. SQL stays in
 * the stores, and what differs between the databases stays in the dialect classes.
 */
class LayeringTest {
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gridcast.server");

  /** The queue and the server: where a database difference could be tested for. */
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.gridcast.queue", "io.gridcast.server");

  /** The classes that may know which database they speak to. */
  private static final Set<String> DIALECT_CLASSES =
      Set.of(
          "io.gridcast.queue.jdbc.Dialect",
          "io.gridcast.queue.jdbc.SqliteDialect",
          "io.gridcast.queue.jdbc.PostgresDialect",
          "io.gridcast.queue.jdbc.PgStatements",
          "io.gridcast.queue.jdbc.PgListener");

  private static final DescribedPredicate<JavaClass> A_DIALECT_CLASS =
      describe(
          "a dialect class", c -> DIALECT_CLASSES.contains(c.getName().replaceFirst("\\$.*", "")));

  @Test
  void datasetsJobsAndEvents_neverSeeTheHttpLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gridcast.server.dataset..",
            "io.gridcast.server.job..",
            "io.gridcast.server.event..",
            "io.gridcast.server.db..",
            "io.gridcast.server.config..",
            "io.gridcast.server.schedule..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.gridcast.server.http..", "io.javalin..")
        .check(SERVER);
  }

  @Test
  void theServerIsWiredOnlyInTheCompositionRoot() {
    // the API is assembled from an ApiContext and the process from its builder, in app alone
    noClasses()
        .that()
        .resideOutsideOfPackage("io.gridcast.server.app..")
        .should()
        .callMethod("io.gridcast.server.http.Api", "start", "io.gridcast.server.http.ApiContext")
        .check(SERVER);
  }

  @Test
  void onlyTheHttpLayer_usesJavalin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.gridcast.server.http..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javalin..")
        .check(SERVER);
  }

  @Test
  void sqlStaysInTheStoresAndTheDatabasePackage() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gridcast.server.app..",
            "io.gridcast.server.http..",
            "io.gridcast.server.job..",
            "io.gridcast.server.cli..",
            "io.gridcast.server.config..",
            "io.gridcast.server.event..",
            "io.gridcast.server.error..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.sql..")
        .check(SERVER);
  }

  @Test
  void onlyTheDialects_knowWhichDialectIsWhich() {
    // instanceof, casts, construction: every use of a concrete dialect is a dependency on it.
    noClasses()
        .that(DescribedPredicate.not(A_DIALECT_CLASS))
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.gridcast.queue.jdbc.SqliteDialect")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.gridcast.queue.jdbc.PostgresDialect")
        .check(ALL);
  }

  @Test
  void nobodyOutsideTheDialects_comparesDialectsByName() {
    noClasses()
        .that(DescribedPredicate.not(A_DIALECT_CLASS))
        .should()
        .callMethodWhere(
            target(owner(describe("Dialect", (JavaClass o) -> o.isAssignableTo(Dialect.class))))
                .and(target(nameMatching("toString|getClass|name"))))
        .check(ALL);
  }

  @Test
  void onlyTheDialects_readWhichDatabaseAConnectionReaches() {
    noClasses()
        .that(DescribedPredicate.not(A_DIALECT_CLASS))
        .should()
        .callMethodWhere(
            target(
                    owner(
                        describe(
                            "DatabaseMetaData",
                            (JavaClass o) -> o.isAssignableTo(DatabaseMetaData.class))))
                .and(target(nameMatching("getURL|getDatabaseProductName|getDriverName"))))
        .check(ALL);
  }

  @Test
  void jdbcUrlPrefixes_appearOnlyInTheDialects_andWhereTheUsersUrlIsParsed() {
    noClasses()
        .that(DescribedPredicate.not(A_DIALECT_CLASS))
        .and()
        .doNotHaveFullyQualifiedName(DatabaseUrl.class.getName())
        .should(containStrings(List.of("jdbc:sqlite", "jdbc:postgresql")))
        .check(ALL);
  }

  @Test
  void onlyTheConfiguration_asksAUrlWhetherItIsPostgresql() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.gridcast.server.config..")
        .should()
        .callMethod(DatabaseUrl.class, "postgres")
        .check(SERVER);
  }

  /** A class whose constant pool holds one of {@code texts} (string literals and constants). */
  private static ArchCondition<JavaClass> containStrings(List<String> texts) {
    return new ArchCondition<>("contain a string literal with any of " + texts) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String bytes = classFileText(c);
        for (String t : texts) {
          boolean found = bytes.contains(t);
          events.add(
              new SimpleConditionEvent(
                  c, found, c.getName() + (found ? " contains \"" : " lacks \"") + t + "\""));
        }
      }
    };
  }

  private static String classFileText(JavaClass c) {
    String resource = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.reflect().getResourceAsStream(resource)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
