package org.fangpin.ruleset;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.CodeSource;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fangpin.rules.RuleSetLoader;


/**
 * What identifies the application's classes, for the compiled rules kept on disk: rules compiled against one build
 * are never read back by another. The packaged service is its jar (path, size and time); classes in a directory, as
 * in development, are the hash of every class file.
 */
public final class BuildIdentity {

	private static final String NESTED = "jar:nested:";

	private BuildIdentity() {
	}

	/**
	 * {@code loader}, keeping the rule sets it compiles in {@code directory} for the build {@code anchor} belongs to;
	 * {@code loader} itself when no directory is given, or when that build cannot be identified ({@code warning} is
	 * told why).
	 */
	public static RuleSetLoader keepingCompiledRules(RuleSetLoader loader, Path directory, Class<?> anchor,
			Consumer<String> warning) {
		if (directory == null || directory.toString().isEmpty()) {
			return loader;
		}
		String build = of(anchor);
		if (build == null) {
			warning.accept("The application's own classes were not found, so compiled rule sets are not kept");
			return loader;
		}
		return loader.keepingCompiledRules(directory, build);
	}

	/** The identity of the build {@code anchor} belongs to, or null when its classes cannot be found. */
	static String of(Class<?> anchor) {
		CodeSource code = anchor.getProtectionDomain().getCodeSource();
		Path source = (code != null && code.getLocation() != null) ? source(code.getLocation().toString()) : null;
		if (source == null || !Files.exists(source)) {
			return null;
		}
		if (Files.isRegularFile(source)) {
			File jar = source.toFile();
			return "jar " + jar.getAbsolutePath() + " " + jar.length() + " " + jar.lastModified();
		}
		return "classes " + classesHash(source);
	}

	/**
	 * The jar or directory a class was loaded from: {@code file:/srv/fangpin.jar}, {@code file:/work/target/classes/}
	 * or, inside the packaged service, {@code jar:nested:/srv/fangpin.jar/!BOOT-INF/classes/!/}.
	 */
	static Path source(String location) {
		String file = location;
		if (file.startsWith(NESTED)) {
			int end = file.indexOf("/!");
			file = "file:" + file.substring(NESTED.length(), (end >= 0) ? end : file.length());
		}
		if (!file.startsWith("file:")) {
			return null;
		}
		try {
			return Path.of(new URI(file));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	static String classesHash(Path root) {
		try (Stream<Path> walk = Files.walk(root)) {
			List<Path> classes = walk.filter((path) -> path.toString().endsWith(".class")).sorted().toList();
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path path : classes) {
				digest.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(Files.readAllBytes(path));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the application's classes in " + root, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
