package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A package as the emulator keeps it: OpenWhisk's {@code WhiskPackage}, never a binding.
 *
 * @param namespaceId the namespace
 * @param name its name
 * @param parameters its parameters, which its functions inherit
 * @param annotations its annotations
 * @param version its semantic version
 * @param publish whether it is shared
 * @param updated when it was last deployed
 */
record StoredPackage(String namespaceId, String name, List<StoredAction.KeyValue> parameters,
		List<StoredAction.KeyValue> annotations, String version, boolean publish, Instant updated) {

}
