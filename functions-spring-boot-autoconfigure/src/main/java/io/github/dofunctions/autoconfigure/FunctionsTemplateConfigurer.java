package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Applies to a {@link FunctionsTemplate.Builder} what the application gives every
 * template: the HTTP client, the connection properties, the listeners and the observation
 * registry. Where the template connects and with what resilience are set by the bean that
 * builds it.
 */
final class FunctionsTemplateConfigurer {

	private final FunctionsProperties properties;

	private final FunctionsWebClientBuilder webClientBuilder;

	private final ObjectProvider<FunctionsClientListener> listeners;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	FunctionsTemplateConfigurer(FunctionsProperties properties, FunctionsWebClientBuilder webClientBuilder,
			ObjectProvider<FunctionsClientListener> listeners,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		this.properties = properties;
		this.webClientBuilder = webClientBuilder;
		this.listeners = listeners;
		this.observationRegistry = observationRegistry;
	}

	FunctionsTemplate.Builder configure(FunctionsTemplate.Builder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this.webClientBuilder::get).to(builder::webClientBuilder);
		map.from(this.properties::getUserAgent).to(builder::userAgent);
		map.from(this.properties::getMaxResponseSize).to(builder::maxResponseSize);
		map.from(this.properties::getResponseTimeout).to(builder::responseTimeout);
		this.listeners.orderedStream().forEach(builder::listener);
		this.observationRegistry.ifAvailable(builder::observationRegistry);
		return builder;
	}

}
