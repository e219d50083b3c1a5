package io.github.dofunctions.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The client stands on Spring WebFlux, Reactor and Jackson alone: it can be used without
 * Spring Boot, so nothing in it may reach for Boot or for the auto-configuration.
 */
class ClientArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.dofunctions");

	@Test
	void clientDoesNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.github.dofunctions.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(this.classes);
	}

	@Test
	void clientDoesNotDependOnTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.dofunctions.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.dofunctions.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void clientDoesNotDependOnAnHttpConnector() {
		noClasses().that()
			.resideInAPackage("io.github.dofunctions.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("reactor.netty..", "io.netty..", "org.eclipse.jetty..", "org.apache.hc..")
			.check(this.classes);
	}

}
