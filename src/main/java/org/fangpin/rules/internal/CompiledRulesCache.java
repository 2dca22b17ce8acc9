package org.fangpin.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.KnowledgeBaseImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.fangpin.rules.RuleSetLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled knowledge bases on disk, one file per DRL content, so a rule set compiled once is not compiled
 * again: at the next start-up, or when an archived version is loaded again. Compiling the shipped rules takes seconds
 * (parsing, compiling every consequence, building the network); reading them back takes a fraction of that.
 * <p>
 * A file's name is the SHA-256 of everything its content depends on: the DRL files (path and content), the Drools
 * and Java versions, and the application build that compiled them (the classes the rules use). Parameters and the
 * catalogue are facts, not part of the knowledge base, so a rule set that changes only them reuses the file.
 * <p>
 * The cache never decides an outcome. A file is written whole under another name and then moved into place, and it
 * carries the SHA-256 of its content: a missing, truncated, altered or unreadable file is deleted and the DRL is
 * compiled as if there were none. A file that cannot be written is only logged. At most {@code maxEntries} files
 * are kept, the least recently used removed first.
 */
public final class CompiledRulesCache {

	private static final Logger logger = LoggerFactory.getLogger(CompiledRulesCache.class);

	private static final byte[] MAGIC = "FANGPIN-KBASE-1\n".getBytes(StandardCharsets.US_ASCII);

	private static final String SUFFIX = ".kbase";

	private static final String PARTIAL = ".partial";

	private static final int DIGEST_BYTES = 32;

	private final Path directory;

	private final String buildIdentity;

	private final int maxEntries;

	/**
	 * @param directory where the files are kept (created when needed)
	 * @param buildIdentity what identifies the application's classes the rules are compiled against: a build that
	 * changes them must give another identity
	 * @param maxEntries how many files to keep at most
	 */
	public CompiledRulesCache(Path directory, String buildIdentity, int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
		}
		this.directory = directory;
		this.buildIdentity = buildIdentity;
		this.maxEntries = maxEntries;
	}

	public Path directory() {
		return this.directory;
	}

	/** The name of the file for {@code drl} (path to content): a hash of the DRL, the engine and the build. */
	String key(Map<String, String> drl) {
		MessageDigest digest = sha256();
		update(digest, "fangpin compiled rules 1");
		update(digest, String.valueOf(KnowledgeBaseImpl.class.getPackage().getImplementationVersion()));
		update(digest, String.valueOf(Runtime.version().feature()));
		update(digest, this.buildIdentity);
		update(digest, RuleSetLoader.version(drl));
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The knowledge base kept under {@code key}, or null when there is none that can be read back whole. */
	KieBase read(String key, ClassLoader classes) {
		Path file = this.directory.resolve(key + SUFFIX);
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			logger.warn("Could not read the compiled rules {}; compiling the DRL instead: {}", file, ex.toString());
			return null;
		}
		try {
			byte[] payload = verified(content);
			Collection<KiePackage> packages;
			try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload), classes)) {
				@SuppressWarnings("unchecked")
				Collection<KiePackage> read = (Collection<KiePackage>) in.readObject();
				packages = read;
			}
			InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(DroolsCompiler.configuration(classes));
			base.addPackages(packages);
			touch(file);
			return base;
		}
		catch (Exception | LinkageError ex) {
			logger.warn("The compiled rules {} cannot be used ({}); deleting them and compiling the DRL instead", file,
					ex.toString());
			delete(file);
			return null;
		}
	}

	/** Keeps {@code base}, compiled from the DRL that gave {@code key}; a failure is logged, never thrown. */
	void write(String key, KieBase base) {
		Path file = this.directory.resolve(key + SUFFIX);
		Path partial = null;
		try {
			ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
			try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
				out.writeObject(new ArrayList<>(base.getKiePackages()));
			}
			byte[] bytes = payload.toByteArray();
			Files.createDirectories(this.directory);
			partial = Files.createTempFile(this.directory, key, PARTIAL);
			try (OutputStream out = Files.newOutputStream(partial)) {
				out.write(MAGIC);
				out.write(sha256().digest(bytes));
				out.write(bytes);
			}
			move(partial, file);
			partial = null;
			prune();
		}
		catch (Exception | LinkageError ex) {
			logger.warn("Could not keep the compiled rules in {}: {}", this.directory, ex.toString());
		}
		finally {
			if (partial != null) {
				delete(partial);
			}
		}
	}

	private static byte[] verified(byte[] content) throws IOException {
		int header = MAGIC.length + DIGEST_BYTES;
		if (content.length < header || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			throw new IOException("not a compiled rules file");
		}
		byte[] payload = Arrays.copyOfRange(content, header, content.length);
		byte[] expected = Arrays.copyOfRange(content, MAGIC.length, header);
		if (!MessageDigest.isEqual(expected, sha256().digest(payload))) {
			throw new IOException("its content does not match its checksum");
		}
		return payload;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Removes the least recently used files beyond {@code maxEntries}, and what a write stopped by a crash left (a
	 * partial file over an hour old).
	 */
	private void prune() throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory, "*" + SUFFIX)) {
			entries.forEach(files::add);
		}
		FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory, "*" + PARTIAL)) {
			entries.forEach((partial) -> {
				if (lastModified(partial).compareTo(anHourAgo) < 0) {
					delete(partial);
				}
			});
		}
		if (files.size() <= this.maxEntries) {
			return;
		}
		files.sort(Comparator.comparing(CompiledRulesCache::lastModified).reversed());
		files.subList(this.maxEntries, files.size()).forEach(CompiledRulesCache::delete);
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static void touch(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			// only the order of removal depends on it
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}: {}", file, ex.toString());
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
