package org.fangpin.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.fangpin.HttpClientSupport;
import org.fangpin.rules.Catalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code and rule the service shows has its text in Chinese (zh-CN) and in English (en). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class CatalogueLanguagesTests {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@Autowired
	ActiveRuleSet active;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void everyCodeOfTheRuleSetsCatalogueHasAChineseAndAnEnglishLabel() {
		Catalogue catalogue = this.active.ruleSet().catalogue();
		List<String> missing = new ArrayList<>();
		for (String section : Catalogue.SECTIONS) {
			assertThat(catalogue.section(section)).as(section).isNotEmpty();
			for (Catalogue.Entry entry : catalogue.section(section)) {
				if (!chinese(entry.label().zh()) || !english(entry.label().en())) {
					missing.add(section + "." + entry.code());
				}
			}
		}
		catalogue.explanations().forEach((name, text) -> {
			if (!chinese(text.zh()) || !english(text.en())) {
				missing.add("explanations." + name);
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void everyCodeOfTheCatalogueEndpointIsLabelledInTheRequestedLanguageAndCarriesBoth() {
		JsonNode chinese = this.http.get("/api/v1/catalogue").json();
		JsonNode english = this.http.get("/api/v1/catalogue", "Accept-Language", "en").json();
		List<String> missing = new ArrayList<>();
		for (String section : Catalogue.SECTIONS) {
			assertThat(chinese.get(section).size()).as(section).isPositive().isEqualTo(english.get(section).size());
			for (int i = 0; i < chinese.get(section).size(); i++) {
				JsonNode zh = chinese.get(section).get(i);
				JsonNode en = english.get(section).get(i);
				String where = section + "." + zh.get("code").asString();
				if (!chinese(zh.get("labels").path("zh-CN").asString()) || !english(zh.get("labels").path("en").asString())
						|| !zh.get("label").equals(zh.get("labels").get("zh-CN"))
						|| !en.get("label").equals(en.get("labels").get("en"))) {
					missing.add(where);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRuleIsDescribedInChineseAndInEnglish() {
		List<String> missing = new ArrayList<>();
		this.http.get("/api/v1/ruleset").json().get("rules").forEach((rule) -> {
			JsonNode descriptions = rule.get("descriptions");
			if (!chinese(descriptions.path("zh-CN").asString()) || !english(descriptions.path("en").asString())) {
				missing.add(rule.get("id").asString());
			}
		});
		assertThat(missing).isEmpty();
	}

	/** Chinese text has at least one Han character. */
	private static boolean chinese(String text) {
		return text != null && !text.isBlank() && !"null".equals(text) && HAN.matcher(text).find();
	}

	/** English text has none. */
	private static boolean english(String text) {
		return text != null && !text.isBlank() && !"null".equals(text) && !HAN.matcher(text).find();
	}

}
