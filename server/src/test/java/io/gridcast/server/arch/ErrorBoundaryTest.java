package io.gridcast.server.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.gridcast.server.error.ServerException;
import io.javalin.config.RoutesConfig;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.junit.jupiter.api.Test;

/**
 * Errors have one root and one mapper: every server exception is a {@link ServerException} (it
 * carries its own status and code), and only {@code http.ErrorMapper} turns failures into HTTP
 * answers.
 */
class ErrorBoundaryTest {
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gridcast.server");

  private static final String MAPPER = "io.gridcast.server.http.ErrorMapper";

  @Test
  void everyServerException_isUnderTheOneRoot() {
    classes()
        .that()
        .areAssignableTo(Throwable.class)
        .should()
        .beAssignableTo(ServerException.class)
        .check(SERVER);
  }

  @Test
  void onlyTheErrorMapper_registersExceptionAndErrorHandlers() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(MAPPER)
        .should()
        .callMethodWhere(
            target(
                    owner(
                        DescribedPredicate.describe(
                            "RoutesConfig", (JavaClass c) -> c.isAssignableTo(RoutesConfig.class))))
                .and(target(nameMatching("exception|error"))))
        .check(SERVER);
  }

  @Test
  void onlyTheErrorMapper_answersForJetty() {
    classes()
        .that()
        .areAssignableTo(ErrorHandler.class)
        .should()
        .haveFullyQualifiedName(MAPPER + "$JettyErrors")
        .check(SERVER);
  }

  @Test
  void exceptions_knowTheirStatusButNotTheWebFramework() {
    noClasses()
        .that()
        .areAssignableTo(ServerException.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
        .check(SERVER);
  }

  @Test
  void theErrorPackage_dependsOnNothingElseInTheServer() {
    noClasses()
        .that()
        .resideInAPackage("io.gridcast.server.error..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.gridcast.server..")
                .and(resideOutsideOfPackage("io.gridcast.server.error..")))
        .check(SERVER);
  }
}
