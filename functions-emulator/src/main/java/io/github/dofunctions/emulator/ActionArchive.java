package io.github.dofunctions.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The code of a function deployed as a zip ({@code binary: true}, the zip in base64), as
 * OpenWhisk's runtimes unpack it before loading it
 * ({@code apache/openwhisk-runtime-nodejs core/nodejsActionBase/runner.js}). Entries that
 * would land outside the folder ({@code ..}, absolute names) are refused, and the size
 * unpacked is bounded, so that a zip cannot write elsewhere or fill the disk.
 */
final class ActionArchive {

	/**
	 * The most an archive may unpack to: DigitalOcean's limit on a built function is 48
	 * MB (docs.digitalocean.com/products/functions/details/limits); unpacked, it may be
	 * several times that.
	 */
	static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

	private ActionArchive() {
	}

	/**
	 * Unpack a base64 zip into an empty folder.
	 * @param base64 the zip in base64 (MIME line breaks allowed)
	 * @param folder where to unpack it
	 * @throws IOException when the zip cannot be read or written, or has an entry that
	 * escapes the folder
	 */
	static void extract(String base64, Path folder) throws IOException {
		Path root = folder.toAbsolutePath().normalize();
		byte[] zip;
		try {
			zip = Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
		}
		catch (IllegalArgumentException ex) {
			throw new ZipException("The action's code is not a base64 zip: " + ex.getMessage());
		}
		long unpacked = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries++;
				Path target = target(root, entry.getName());
				if (target.equals(root) && entry.isDirectory()) {
					continue;
				}
				if (target.equals(root)) {
					throw escapes(entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (OutputStream out = Files.newOutputStream(target)) {
					unpacked += copy(in, out, MAX_UNPACKED_BYTES - unpacked);
				}
			}
		}
		if (entries == 0) {
			throw new ZipException("The action's code is not a zip, or an empty one");
		}
	}

	private static Path target(Path root, String name) throws ZipException {
		String slashed = name.replace('\\', '/');
		boolean absolute = slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*");
		boolean parent = ("/" + slashed + "/").contains("/../");
		Path target = root.resolve(slashed).normalize();
		if (absolute || parent || !target.startsWith(root)) {
			throw escapes(name);
		}
		return target;
	}

	private static ZipException escapes(String name) {
		return new ZipException("The action's zip has an entry that escapes its folder: '" + name + "'");
	}

	private static long copy(InputStream in, OutputStream out, long allowed) throws IOException {
		byte[] buffer = new byte[8192];
		long copied = 0;
		for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
			copied += read;
			if (copied > allowed) {
				throw new ZipException("The action's zip unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
			}
			out.write(buffer, 0, read);
		}
		return copied;
	}

}
