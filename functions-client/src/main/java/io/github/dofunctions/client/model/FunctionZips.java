package io.github.dofunctions.client.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.springframework.util.Assert;

/**
 * Zips of function code: a folder zipped as doctl zips it, its files at the root of the
 * zip, and the check that no entry of a zip leaves its folder.
 */
final class FunctionZips {

	/**
	 * When every entry was last changed: fixed, so that the same files make the same zip.
	 */
	private static final FileTime EPOCH = FileTime.fromMillis(0);

	private FunctionZips() {
	}

	/**
	 * Zip the files of a folder, sorted by path, each named by its path relative to the
	 * folder with {@code /} between names. A link is followed only to a file inside the
	 * folder.
	 * @throws IllegalArgumentException if the folder does not exist, holds no file, holds
	 * a link out of itself, or cannot be read
	 */
	static byte[] zip(Path folder) {
		Assert.notNull(folder, "folder must not be null");
		Assert.isTrue(Files.isDirectory(folder), () -> "folder " + folder + " is not a directory");
		try {
			Path root = folder.toRealPath();
			List<Path> files;
			try (Stream<Path> walk = Files.walk(folder)) {
				files = walk.filter((path) -> !Files.isDirectory(path)).sorted().toList();
			}
			Assert.isTrue(!files.isEmpty(), () -> "folder " + folder + " holds no file to deploy");
			Map<String, Path> entries = new LinkedHashMap<>();
			for (Path file : files) {
				Path real = file.toRealPath();
				Assert.isTrue(real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS),
						() -> "folder " + folder + ": " + folder.relativize(file) + " leaves the folder");
				entries.put(entryName(folder.relativize(file)), real);
			}
			return zip(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("folder " + folder + " cannot be zipped: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Zip files under the names given, in their order, every entry dated the same, so
	 * that the same files make the same zip (and the same digest).
	 * @param entries each entry's name in the zip and the file it holds
	 * @throws UncheckedIOException if a file cannot be read
	 */
	static byte[] zip(Map<String, Path> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, Path> file : entries.entrySet()) {
				ZipEntry entry = new ZipEntry(file.getKey());
				entry.setLastModifiedTime(EPOCH);
				zip.putNextEntry(entry);
				Files.copy(file.getValue(), zip);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("zipping " + entries.keySet() + " failed: " + ex.getMessage(), ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Check that a zip can be read and that none of its entries leaves the folder it is
	 * unpacked in: no absolute name, no {@code ..} among its names.
	 * @throws IllegalArgumentException naming the first entry that does, or if the bytes
	 * are not a zip
	 */
	static void check(byte[] zip) {
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries++;
				String given = entry.getName();
				String name = given.replace('\\', '/');
				boolean escapes = name.startsWith("/") || name.matches("^[A-Za-z]:.*")
						|| List.of(name.split("/")).contains("..");
				Assert.isTrue(!escapes, () -> "zip entry '" + given + "' leaves the function's folder");
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("zip cannot be read: " + ex.getMessage(), ex);
		}
		Assert.isTrue(entries > 0, "zip must hold at least one file");
	}

	private static String entryName(Path relative) {
		StringBuilder name = new StringBuilder();
		for (Path part : relative) {
			name.append((name.length() > 0) ? "/" : "").append(part);
		}
		return name.toString();
	}

}
