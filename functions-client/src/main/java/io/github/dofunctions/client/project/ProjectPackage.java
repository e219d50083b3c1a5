package io.github.dofunctions.client.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.model.PackageDefinition;

/**
 * A package of a doctl project. The package named {@value #DEFAULT} stands for the
 * functions outside any package: it is never deployed itself, and its functions are named
 * without a package.
 *
 * @param name the package's name
 * @param parameters its parameters, the project's included
 * @param environment its environment, the project's included; secrets
 * @param annotations its annotations
 * @param functions its functions
 */
public record ProjectPackage(String name, Map<String, Object> parameters, Map<String, String> environment,
		Map<String, Object> annotations, List<ProjectFunction> functions) {

	/** The name of the package that holds the functions outside any package. */
	public static final String DEFAULT = "default";

	/**
	 * Create a package, copying its maps and list.
	 * @param name the package's name
	 * @param parameters its parameters
	 * @param environment its environment
	 * @param annotations its annotations
	 * @param functions its functions
	 */
	public ProjectPackage {
		parameters = new LinkedHashMap<>(parameters);
		environment = new LinkedHashMap<>(environment);
		annotations = new LinkedHashMap<>(annotations);
		functions = List.copyOf(functions);
	}

	/**
	 * Return whether this is the package of the functions outside any package.
	 * @return whether it is named {@value #DEFAULT}
	 */
	public boolean isDefault() {
		return DEFAULT.equals(this.name);
	}

	/**
	 * Return the package as the deployer deploys it.
	 * @return the definition
	 * @throws IllegalStateException for the {@value #DEFAULT} package, which is not
	 * deployed
	 */
	public PackageDefinition toDefinition() {
		if (isDefault()) {
			throw new IllegalStateException("the default package is not deployed");
		}
		PackageDefinition.Builder builder = PackageDefinition.builder(this.name);
		this.parameters.forEach(builder::parameter);
		this.environment.forEach(builder::environment);
		this.annotations.forEach(builder::annotation);
		return builder.build();
	}

	@Override
	public String toString() {
		return "ProjectPackage[name=" + this.name + ", parameters=" + this.parameters.keySet() + ", environment="
				+ this.environment.keySet() + ", functions="
				+ this.functions.stream().map((function) -> function.definition().name()).toList() + "]";
	}

}
