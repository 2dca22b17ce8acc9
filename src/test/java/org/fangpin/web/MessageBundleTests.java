package org.fangpin.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem and field message exists in Chinese and in English, with the same placeholders. */
class MessageBundleTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void everyChineseMessageHasAnEnglishTwinAndEveryEnglishOneAChineseTwin() throws IOException {
		Map<String, String> chinese = load("messages.properties");
		Map<String, String> english = load("messages_en.properties");
		assertThat(chinese).isNotEmpty();
		assertThat(difference(chinese.keySet(), english.keySet())).as("keys with no English twin").isEmpty();
		assertThat(difference(english.keySet(), chinese.keySet())).as("keys with no Chinese twin").isEmpty();
	}

	@Test
	void twinsAreTranslatedAndTakeTheSameArguments() throws IOException {
		Map<String, String> chinese = load("messages.properties");
		Map<String, String> english = load("messages_en.properties");
		chinese.forEach((key, text) -> {
			String twin = english.get(key);
			if (twin == null) {
				return;
			}
			assertThat(text).as(key).isNotBlank();
			assertThat(twin).as(key + " (en)").isNotBlank().doesNotContainPattern(HAN);
			assertThat(arguments(twin)).as(key + " arguments").isEqualTo(arguments(text));
			if (!arguments(text).isEmpty() && text.replaceAll(ARGUMENT.pattern(), "").isBlank()) {
				return;
			}
			assertThat(text).as(key + " is Chinese").containsPattern(HAN);
		});
	}

	/** Every casework refusal the code raises has its sentence in the bundle, so no caller reads a bare code. */
	@Test
	void everyCaseworkRefusalHasItsSentence() throws IOException {
		Map<String, String> english = load("messages_en.properties");
		Pattern raised = Pattern.compile(
				"new CaseworkException\\(CaseworkException\\.Kind\\.\\w+,(?:\\s*[\\w.()]+,)?\\s*\"([a-z-]+)\"");
		List<String> codes = new ArrayList<>(List.of("date-before-last-change", "date-before-identification"));
		try (var files = Files.list(Path.of("src/main/java/org/fangpin/casework"))) {
			for (Path file : files.toList()) {
				Matcher matcher = raised.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		assertThat(codes).hasSizeGreaterThan(15);
		for (String code : codes) {
			if (!code.equals("date-before-")) {
				assertThat(english).as(code).containsKey("casework." + code);
			}
		}
	}

	private static Map<String, String> load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Map<String, String> messages = new TreeMap<>();
		properties.forEach((key, value) -> messages.put((String) key, (String) value));
		return messages;
	}

	private static Set<String> difference(Set<String> left, Set<String> right) {
		Set<String> difference = new TreeSet<>(left);
		difference.removeAll(right);
		return difference;
	}

	private static Set<String> arguments(String text) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

}
