package io.github.dofunctions.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the emulator's state in a data directory, for the owner only: the namespaces with
 * their keys (secrets included) and triggers in {@code namespaces.json}, the deployed
 * packages and functions in {@code functions.json}, the last {@value #MAX_ACTIVATIONS}
 * activations in {@code activations.json}. Each file is rewritten whole when its part of
 * the state has changed, through a temporary file in the same directory moved over it
 * atomically: a reader, or an emulator started after a crash, sees the old file or the
 * new one, never half of one. A file that cannot be read stops {@link #restore()} and is
 * left as it is.
 */
final class StateFiles {

	/** The version of the files' format this emulator writes and reads. */
	static final int VERSION = 1;

	/** How many of the last activations, of every namespace together, are kept. */
	static final int MAX_ACTIVATIONS = 1000;

	static final String NAMESPACES = "namespaces.json";

	static final String FUNCTIONS = "functions.json";

	static final String ACTIVATIONS = "activations.json";

	/** Text Jackson quotes from the file, longer than four characters. */
	private static final Pattern QUOTED = Pattern.compile("'([^'\\s]{4})[^'\\s]+'");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final JsonMapper json;

	private final EmulatorState state;

	private final FunctionRuntime runtime;

	private final boolean posix;

	private long savedRevision = -1;

	private long savedCodeRevision = -1;

	private long savedActivations = -1;

	/**
	 * Use a data directory, made (for the owner only) if missing.
	 * @throws IllegalStateException if it cannot be made, is not a directory, or is not
	 * writable
	 */
	StateFiles(Path directory, JsonMapper json, EmulatorState state, FunctionRuntime runtime) {
		this.directory = directory.toAbsolutePath().normalize();
		this.json = json;
		this.state = state;
		this.runtime = runtime;
		this.posix = supportsPosix(this.directory);
		try {
			Files.createDirectories(this.directory, ownerOnly(OWNER_ONLY_DIRECTORY));
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException("The data directory " + this.directory + " is not a directory", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot make the data directory " + this.directory + ": " + reason(ex), ex);
		}
		if (!Files.isWritable(this.directory)) {
			throw new IllegalStateException("The data directory " + this.directory
					+ " is not writable: the emulator cannot keep its state there");
		}
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Put the state the files hold back into the emulator; a missing file holds nothing.
	 * @throws IllegalStateException naming the file if one cannot be read, is malformed
	 * or of an unknown version; then nothing is restored
	 */
	void restore() {
		EmulatorSnapshot.NamespacesFile namespaces = read(NAMESPACES, EmulatorSnapshot.NamespacesFile.class);
		EmulatorSnapshot.FunctionsFile functions = read(FUNCTIONS, EmulatorSnapshot.FunctionsFile.class);
		EmulatorSnapshot.ActivationsFile activations = read(ACTIVATIONS, EmulatorSnapshot.ActivationsFile.class);
		EmulatorSnapshot snapshot = new EmulatorSnapshot(0, 0,
				(namespaces != null) ? namespaces.namespaces() : List.of(),
				(functions != null) ? functions.packages() : List.of(),
				(functions != null) ? functions.actions() : List.of());
		try {
			this.state.restore(snapshot);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The emulator's state file " + file(NAMESPACES) + " is not valid: "
					+ ex.getMessage() + "; it is left as it is: fix it, or remove it to start without it", ex);
		}
		List<EmulatedActivation> kept = (activations != null) ? activations.activations() : List.of();
		this.runtime.restoreActivations(new FunctionRuntime.Activations(kept.size(), kept));
		synchronized (this) {
			this.savedRevision = 0;
			this.savedCodeRevision = 0;
			this.savedActivations = kept.size();
		}
	}

	/**
	 * Write the files whose part of the state changed since they were last written.
	 * @throws IllegalStateException naming the file if one cannot be written
	 */
	synchronized void save() {
		// Asked after every request, GETs included: copy nothing when nothing changed.
		long[] revisions = this.state.revisions();
		if (revisions[0] == this.savedRevision && revisions[1] == this.savedCodeRevision
				&& this.runtime.activationSequence() == this.savedActivations) {
			return;
		}
		EmulatorSnapshot snapshot = this.state.snapshot();
		if (snapshot.revision() != this.savedRevision) {
			write(NAMESPACES, new EmulatorSnapshot.NamespacesFile(VERSION, snapshot.namespaces()));
			this.savedRevision = snapshot.revision();
		}
		if (snapshot.codeRevision() != this.savedCodeRevision) {
			write(FUNCTIONS, new EmulatorSnapshot.FunctionsFile(VERSION, snapshot.packages(), snapshot.actions()));
			this.savedCodeRevision = snapshot.codeRevision();
		}
		FunctionRuntime.Activations activations = this.runtime.lastActivations(MAX_ACTIVATIONS);
		if (activations.sequence() != this.savedActivations) {
			write(ACTIVATIONS, new EmulatorSnapshot.ActivationsFile(VERSION, activations.activations()));
			this.savedActivations = activations.sequence();
		}
	}

	private <T> @Nullable T read(String name, Class<T> type) {
		Path file = file(name);
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot read the emulator's state file " + file + ": " + reason(ex) + "; it is left as it is", ex);
		}
		try {
			JsonNode tree = this.json.readTree(content);
			JsonNode version = (tree != null && tree.isObject()) ? tree.get("version") : null;
			if (version == null) {
				throw malformed(file, "it is not a JSON object with a \"version\"");
			}
			if (!version.isInt() || version.intValue() != VERSION) {
				throw malformed(file, "its version " + version + " is not one this emulator reads (version " + VERSION
						+ "); it was written by another version of the emulator");
			}
			ObjectReader reader = this.json.readerFor(type)
				.with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
						DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
						DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
			return reader.readValue(content);
		}
		catch (JacksonException ex) {
			throw malformed(file, describe(ex));
		}
	}

	private static IllegalStateException malformed(Path file, String what) {
		return new IllegalStateException("The emulator's state file " + file + " is malformed: " + what
				+ "; it is left as it is: fix it, or remove it to start without it");
	}

	/**
	 * Jackson's message with where it found the fault, the text it quotes from the file
	 * cut to its first characters: the file holds secrets, and a fault inside one would
	 * otherwise print it.
	 */
	private static String describe(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
		return QUOTED.matcher(String.valueOf(ex.getOriginalMessage())).replaceAll("'$1...'") + where;
	}

	private void write(String name, Object content) {
		Path file = file(name);
		Path temporary = null;
		try {
			byte[] bytes = this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
			temporary = Files.createTempFile(this.directory, "." + name + "-", ".tmp", ownerOnly(OWNER_ONLY_FILE));
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			throw new IllegalStateException("Cannot write the emulator's state file " + file + ": " + reason(ex), ex);
		}
	}

	private static void deleteQuietly(@Nullable Path temporary) {
		if (temporary != null) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ex) {
				// Left behind: the next write makes another, and the state file is whole.
			}
		}
	}

	private Path file(String name) {
		return this.directory.resolve(name);
	}

	private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
		return this.posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

	private static boolean supportsPosix(Path directory) {
		return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static String reason(IOException ex) {
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? " (" + ex.getMessage() + ")" : "");
	}

}
