package io.github.dofunctions.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client stands on Spring WebFlux, Reactor and Jackson alone: it can be used without
 * Spring Boot, so nothing in it may reach for Boot or for the auto-configuration. Its
 * packages are layers, each depending only on those below it: doctl projects
 * ({@code client.project}), the operations ({@code client}) and the Redis budget store
 * ({@code client.resilience.redis}), resilience, observation, errors, model.
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
	void packagesDependOneWay() {
		slices().matching("io.github.dofunctions.(**)").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void packagesAreLayers() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("projects")
			.definedBy("io.github.dofunctions.client.project")
			.layer("operations")
			.definedBy("io.github.dofunctions.client")
			.layer("shared budget")
			.definedBy("io.github.dofunctions.client.resilience.redis")
			.layer("resilience")
			.definedBy("io.github.dofunctions.client.resilience")
			.layer("observation")
			.definedBy("io.github.dofunctions.client.observation")
			.layer("errors")
			.definedBy("io.github.dofunctions.client.error")
			.layer("model")
			.definedBy("io.github.dofunctions.client.model")
			.whereLayer("projects")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("operations")
			.mayOnlyBeAccessedByLayers("projects")
			.whereLayer("shared budget")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("resilience")
			.mayOnlyBeAccessedByLayers("operations", "shared budget")
			.whereLayer("observation")
			.mayOnlyBeAccessedByLayers("operations", "resilience")
			.whereLayer("errors")
			.mayOnlyBeAccessedByLayers("projects", "operations", "resilience", "observation")
			.check(this.classes);
	}

	/**
	 * Spring Data Redis is optional: only the Redis budget store, which an application
	 * chooses, may load its classes.
	 */
	@Test
	void onlyTheRedisBudgetStoreUsesSpringDataRedis() {
		noClasses().that()
			.resideInAPackage("io.github.dofunctions.client..")
			.and()
			.resideOutsideOfPackage("io.github.dofunctions.client.resilience.redis")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..")
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

	/**
	 * Every public type of the client is a promise to its users: exposing one is a
	 * decision, recorded in {@code public-api.txt}. A type added, removed or made
	 * package-private without that list changing fails here.
	 */
	@Test
	void publicTypesAreTheListedOnes() throws IOException {
		List<String> exposed = this.classes.stream()
			.filter((type) -> type.getPackageName().startsWith("io.github.dofunctions.client"))
			.filter(ClientArchitectureTests::isExposed)
			.map(JavaClass::getName)
			.sorted()
			.toList();
		List<String> listed;
		try (InputStream list = getClass().getResourceAsStream("/public-api.txt")) {
			listed = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.sorted()
				.toList();
		}

		assertThat(exposed).as("public types of functions-client, against public-api.txt").isEqualTo(listed);
	}

	/**
	 * Whether a type can be used from outside its package: public, and public all the way
	 * out.
	 */
	private static boolean isExposed(JavaClass type) {
		JavaClass current = type;
		while (current != null) {
			if (!current.getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
			current = current.getEnclosingClass().orElse(null);
		}
		return !type.isAnonymousClass() && !type.isLocalClass();
	}

}
