package org.fangpin.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.fangpin.FangpinApplication;
import org.fangpin.rules.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class BrokenRuleSetStartupTests {

	@Test
	void aRuleFileThatDoesNotCompileStopsTheServiceNamingFileAndLine(@TempDir Path rules, CapturedOutput output)
			throws IOException {
		copyShippedRules(rules);
		Path signals = rules.resolve("20-signals/signals.drl");
		String text = Files.readString(signals).replace("PerCapita( kind == PerCapita.Kind.NET_INCOME,",
				"PerCapita( kind === PerCapita.Kind.NET_INCOME,");
		Files.writeString(signals, text);
		int line = lineOf(text, "kind === ");
		Throwable failure = assertThatException().isThrownBy(() -> SpringApplication.run(FangpinApplication.class,
				"--fangpin.rules.dir=" + rules, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:broken-start;DB_CLOSE_DELAY=-1"))
			.actual();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(cause).isInstanceOf(RuleSetException.class);
		assertThat(((RuleSetException) cause).problems())
			.anySatisfy((problem) -> {
				assertThat(problem.file()).isEqualTo("20-signals/signals.drl");
				assertThat(problem.line()).isEqualTo(line);
				assertThat(problem.column()).isPositive();
			});
		assertThat(output).contains("20-signals/signals.drl:" + line).contains("APPLICATION FAILED TO START");
	}

	static void copyShippedRules(Path target) throws IOException {
		Path source = Path.of("rules");
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
	}

	private static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(fragment);
	}

}
