package io.github.dofunctions.client;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image needs, registered for AOT processing.
 */
class FunctionsRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	FunctionsRuntimeHintsTests() {
		new FunctionsRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyRecordJacksonReadsOrWritesCanBeReflected() {
		Stream.of(FunctionsRuntimeHints.MODELS, FunctionsRuntimeHints.ENVELOPES)
			.flatMap(Stream::of)
			.forEach((type) -> assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.INVOKE_PUBLIC_METHODS))
				.as(type.getName())
				.accepts(this.hints));
	}

	@Test
	void everyErrorTypeCanBeReflected() {
		Stream.of(FunctionsRuntimeHints.ERRORS)
			.forEach((type) -> assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).as(type.getName())
				.accepts(this.hints));
	}

	@Test
	void everyModelAndErrorTypeIsListed() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.dofunctions.client");
		List<Class<?>> models = classes.stream()
			.filter((type) -> type.getPackageName().equals("io.github.dofunctions.client.model") && type.isRecord())
			.map(JavaClass::reflect)
			.collect(Collectors.toList());
		List<Class<?>> errors = classes.stream()
			.filter((type) -> type.getPackageName().equals("io.github.dofunctions.client.error")
					&& type.isAssignableTo(RuntimeException.class)
					&& !type.getModifiers().contains(JavaModifier.ABSTRACT))
			.map(JavaClass::reflect)
			.collect(Collectors.toList());

		assertThat(FunctionsRuntimeHints.MODELS).containsExactlyInAnyOrderElementsOf(models);
		assertThat(FunctionsRuntimeHints.ERRORS).containsExactlyInAnyOrderElementsOf(errors);
	}

	@Test
	void versionResourceIsIncluded() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("io/github/dofunctions/client/functions-client.properties")).accepts(this.hints);
	}

	@Test
	void registrarIsListedForAotProcessing() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(FunctionsRuntimeHints.class);
	}

}
