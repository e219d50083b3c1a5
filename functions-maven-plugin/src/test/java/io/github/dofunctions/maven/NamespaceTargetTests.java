package io.github.dofunctions.maven;

import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Namespaces named by id or label, against the emulator.
 */
class NamespaceTargetTests {

	private FunctionsEmulator emulator;

	private FunctionsTemplate template;

	private BlockingFunctionsOperations functions;

	@BeforeEach
	void start() {
		this.emulator = FunctionsEmulator.builder().port(0).token("t").namespace("fn-it", "nyc1", "it").build().start();
		this.template = FunctionsTemplate.builder().baseUrl(this.emulator.baseUrl()).token("t").build();
		this.functions = new BlockingFunctionsTemplate(this.template);
	}

	@AfterEach
	void stop() {
		this.template.close();
		this.emulator.stop();
	}

	@Test
	void idFindsTheNamespace() {
		NamespaceTarget target = NamespaceTarget.find(this.functions, "fn-it");
		assertThat(target.exists()).isTrue();
		assertThat(target.id()).isEqualTo("fn-it");
		assertThat(target.describe()).isEqualTo("it (fn-it)");
	}

	@Test
	void labelFindsTheNamespace() {
		NamespaceTarget target = NamespaceTarget.find(this.functions, "it");
		assertThat(target.id()).isEqualTo("fn-it");
	}

	@Test
	void missingLabelIsFoundMissingAndCreatedInTheRegionOnlyWhenAsked() {
		NamespaceTarget target = NamespaceTarget.find(this.functions, "new-one");
		assertThat(target.exists()).isFalse();
		assertThat(this.functions.listNamespaces()).hasSize(1);
		NamespaceTarget created = target.create(this.functions, "ams3");
		assertThat(created.id()).startsWith("fn-");
		assertThat(this.functions.getNamespace(created.id()).region()).isEqualTo("ams3");
		assertThat(NamespaceTarget.find(this.functions, "new-one").id()).isEqualTo(created.id());
	}

	@Test
	void unknownIdIsRefusedNamingTheAccountsNamespaces() {
		assertThatIllegalArgumentException().isThrownBy(() -> NamespaceTarget.find(this.functions, "fn-nope"))
			.withMessageContaining("fn-nope")
			.withMessageContaining("it (fn-it)");
	}

}
