/**
 * Declared namespaces and scheduled triggers, made to exist at start-up: the
 * {@code do.functions.provisioning.*} properties, {@link NamespaceDeclaration} beans, and
 * the {@link FunctionsAdmin} that plans and provisions them.
 */
@NullMarked
package io.github.dofunctions.autoconfigure.provisioning;

import org.jspecify.annotations.NullMarked;
