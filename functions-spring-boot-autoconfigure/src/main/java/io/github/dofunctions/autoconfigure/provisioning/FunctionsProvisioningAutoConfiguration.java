package io.github.dofunctions.autoconfigure.provisioning;

import java.util.ArrayList;
import java.util.List;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.client.FunctionsOperations;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link FunctionsAdmin}: it provisions the namespaces and
 * triggers declared under {@code do.functions.provisioning.namespaces} and by
 * {@link NamespaceDeclaration} beans at start-up, before the web server takes traffic.
 * With no declaration it never calls DigitalOcean.
 */
@AutoConfiguration(after = FunctionsAutoConfiguration.class)
@ConditionalOnBean(FunctionsOperations.class)
@EnableConfigurationProperties(FunctionsProvisioningProperties.class)
public final class FunctionsProvisioningAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsProvisioningAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsAdmin functionsAdmin(FunctionsOperations functions, FunctionsProvisioningProperties properties,
			ListableBeanFactory beanFactory) {
		List<NamespaceDeclaration> declarations = new ArrayList<>(properties.declarations());
		beanFactory.getBeansOfType(NamespaceDeclaration.class)
			.forEach((name, declaration) -> declarations.add(declaration.withOrigin("bean '" + name + "'")));
		FunctionsAdmin admin = new FunctionsAdmin(functions, declarations);
		admin.setMode(properties.getMode());
		admin.setPrune(properties.isPrune());
		admin.setFailOnError(properties.isFailOnError());
		admin.setTriggerLimit(properties.getTriggerLimit());
		return admin;
	}

	@Bean
	static FunctionsAdminLifecycle functionsAdminLifecycle(ObjectProvider<FunctionsAdmin> admins) {
		return new FunctionsAdminLifecycle(admins);
	}

}
