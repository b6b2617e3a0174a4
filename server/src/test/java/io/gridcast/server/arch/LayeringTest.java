package io.gridcast.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The server's packages depend one way: HTTP on the domain, never the domain on HTTP. */
class LayeringTest {
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gridcast.server");

  @Test
  void datasetsJobsAndEvents_neverSeeTheHttpLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gridcast.server.dataset..",
            "io.gridcast.server.job..",
            "io.gridcast.server.event..",
            "io.gridcast.server.db..",
            "io.gridcast.server.config..")
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
}
