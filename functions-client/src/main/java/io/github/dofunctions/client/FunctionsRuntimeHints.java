package io.github.dofunctions.client;

import java.util.stream.Stream;

import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsConnectionPoolException;
import io.github.dofunctions.client.error.FunctionsForbiddenException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsOrphanedAccessKeyException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.client.model.WebResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image of an application using the client needs: reflection on every
 * record Jackson reads or writes (the models and the API's envelopes), on the error
 * types, and the resource that names the client's version.
 */
public class FunctionsRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Create the registrar; Spring instantiates it from {@code aot.factories}.
	 */
	public FunctionsRuntimeHints() {
	}

	static final Class<?>[] MODELS = { Namespace.class, Trigger.class, ScheduledDetails.class, ScheduledRuns.class,
			AccessKey.class, RateLimit.class, CreateNamespaceRequest.class, CreateTriggerRequest.class,
			UpdateTriggerRequest.class, CreateAccessKeyRequest.class, UpdateAccessKeyRequest.class, Activation.class,
			ActivationQuery.class, Invocation.class, InvocationCredentials.class, DeployedFunction.class,
			DeployedPackage.class, FunctionLimits.class, FunctionRuntime.class, WebResponse.class,
			ManagedAccessKeyInfo.class };

	static final Class<?>[] ENVELOPES = { Envelopes.NamespaceEnvelope.class, Envelopes.NamespaceList.class,
			Envelopes.TriggerEnvelope.class, Envelopes.TriggerList.class, Envelopes.AccessKeyEnvelope.class,
			Envelopes.AccessKeyList.class, Envelopes.ErrorBody.class, ActivationRecords.ActivationRecord.class,
			ActivationRecords.ActivationResponse.class, ActivationRecords.ActivationId.class,
			ActivationRecords.ActivationLogs.class, ActionRecords.KeyValue.class, ActionRecords.Exec.class,
			ActionRecords.Limits.class, ActionRecords.ActionPut.class, ActionRecords.PackagePut.class,
			ActionRecords.ActionRecord.class, ActionRecords.PackageAction.class, ActionRecords.PackageRecord.class,
			ActionRecords.ApiInfo.class, ActionRecords.RuntimeRecord.class };

	static final Class<?>[] ERRORS = { FunctionsApiException.class, FunctionsBadRequestException.class,
			FunctionsUnauthorizedException.class, FunctionsForbiddenException.class, FunctionsNotFoundException.class,
			FunctionsConflictException.class, FunctionsLimitReachedException.class, FunctionsRateLimitException.class,
			FunctionsServerException.class, FunctionsInvalidResponseException.class, FunctionsConnectionException.class,
			FunctionsConnectionPoolException.class, FunctionsTimeoutException.class,
			FunctionsUnavailableException.class, FunctionsOrphanedAccessKeyException.class,
			FunctionInvocationException.class, FunctionInvocationTimeoutException.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		Stream.of(MODELS, ENVELOPES)
			.flatMap(Stream::of)
			.forEach((type) -> hints.reflection()
				.registerType(TypeReference.of(type), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.INVOKE_PUBLIC_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS));
		Stream.of(ERRORS)
			.forEach((type) -> hints.reflection()
				.registerType(type, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS));
		hints.resources().registerPattern("io/github/dofunctions/client/functions-client.properties");
	}

}
