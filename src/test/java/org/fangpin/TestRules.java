package org.fangpin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the shipped rule set that a test may break, and lookups in rule files. */
public final class TestRules {

	private TestRules() {
	}

	/** Copies {@code rules/} into {@code target}. */
	public static void copyShippedRules(Path target) {
		Path source = Path.of("rules");
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Replaces text in a file, failing when the text is not there. */
	public static String edit(Path file, String from, String to) {
		try {
			String text = Files.readString(file);
			if (!text.contains(from)) {
				throw new IllegalArgumentException(file + " does not contain " + from);
			}
			String changed = text.replace(from, to);
			Files.writeString(file, changed);
			return changed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The 1-based line of the first line containing {@code fragment}. */
	public static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(fragment);
	}

}
