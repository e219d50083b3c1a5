/**
 * The client's failures as HTTP answers of a web application.
 */
@NullMarked
package io.github.dofunctions.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
