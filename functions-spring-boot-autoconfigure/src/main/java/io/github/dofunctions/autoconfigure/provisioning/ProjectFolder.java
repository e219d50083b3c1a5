package io.github.dofunctions.autoconfigure.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * A declared doctl project as a folder the client's {@code ProjectReader} can read: the
 * folder itself where the location is one ({@code file:}, or {@code classpath:} of
 * classes on disk), else a copy in a temporary folder of what the location holds in a
 * jar, deleted on {@link #close()}.
 */
final class ProjectFolder implements AutoCloseable {

	private final Path path;

	private final @Nullable Path copy;

	private ProjectFolder(Path path, @Nullable Path copy) {
		this.path = path;
		this.copy = copy;
	}

	/**
	 * Find a project's folder.
	 * @param loader how the application loads resources
	 * @param location a resource location, such as {@code classpath:functions/}
	 * @throws IOException if the location holds nothing, or cannot be read or copied
	 */
	static ProjectFolder open(ResourceLoader loader, String location) throws IOException {
		String folder = location.endsWith("/") ? location : location + "/";
		Resource root = loader.getResource(folder);
		if (!root.exists()) {
			throw new IOException(location + " does not exist");
		}
		if (root.isFile()) {
			return new ProjectFolder(root.getFile().toPath(), null);
		}
		Path copy = Files.createTempDirectory("do-functions-project");
		try {
			copyOut(new PathMatchingResourcePatternResolver(loader), root, folder, copy);
		}
		catch (IOException | RuntimeException ex) {
			FileSystemUtils.deleteRecursively(copy);
			throw ex;
		}
		return new ProjectFolder(copy, copy);
	}

	private static void copyOut(PathMatchingResourcePatternResolver resolver, Resource root, String folder, Path copy)
			throws IOException {
		String prefix = root.getURL().toString();
		for (Resource resource : resolver.getResources(folder + "**/*")) {
			String url = resource.getURL().toString();
			if (url.endsWith("/") || !url.startsWith(prefix) || !resource.isReadable()) {
				continue;
			}
			Path target = copy.resolve(url.substring(prefix.length())).normalize();
			if (!target.startsWith(copy)) {
				throw new IOException(url + " is outside " + folder);
			}
			Files.createDirectories(target.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	Path path() {
		return this.path;
	}

	@Override
	public void close() {
		if (this.copy != null) {
			try {
				FileSystemUtils.deleteRecursively(this.copy);
			}
			catch (IOException ex) {
				// A temporary folder left behind; the next deploy makes another.
			}
		}
	}

}
