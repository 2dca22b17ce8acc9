package org.fangpin.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build identity decides whether compiled rules kept on disk may be read back: it must find the service's jar
 * or classes wherever they are loaded from, and change when they change.
 */
class BuildIdentityTests {

	@TempDir
	Path dir;

	@Test
	void theJarOrDirectoryIsFoundFromEachKindOfLocation() {
		assertThat(BuildIdentity.source("jar:nested:/srv/fang%20pin/fangpin-1.0.jar/!BOOT-INF/classes/!/"))
			.isEqualTo(Path.of("/srv/fang pin/fangpin-1.0.jar"));
		assertThat(BuildIdentity.source("file:/srv/fangpin/fangpin-1.0.jar"))
			.isEqualTo(Path.of("/srv/fangpin/fangpin-1.0.jar"));
		assertThat(BuildIdentity.source("file:/work/target/classes/")).isEqualTo(Path.of("/work/target/classes"));
		assertThat(BuildIdentity.source("http://example.org/fangpin.jar")).isNull();
	}

	@Test
	void theTestsOwnClassesHaveAnIdentityThatIsStable() {
		String identity = BuildIdentity.of(RuleSetConfiguration.class);
		assertThat(identity).startsWith("classes ");
		assertThat(BuildIdentity.of(RuleSetConfiguration.class)).isEqualTo(identity);
	}

	@Test
	void aChangedClassFileChangesTheIdentityOfADirectory() throws IOException {
		Files.createDirectories(this.dir.resolve("org/fangpin"));
		Files.write(this.dir.resolve("org/fangpin/A.class"), new byte[] { 1, 2 });
		Files.write(this.dir.resolve("readme.txt"), new byte[] { 1 });
		String before = BuildIdentity.classesHash(this.dir);
		Files.write(this.dir.resolve("readme.txt"), new byte[] { 2 });
		assertThat(BuildIdentity.classesHash(this.dir)).as("only class files count").isEqualTo(before);
		Files.write(this.dir.resolve("org/fangpin/A.class"), new byte[] { 1, 3 });
		assertThat(BuildIdentity.classesHash(this.dir)).isNotEqualTo(before);
	}

}
