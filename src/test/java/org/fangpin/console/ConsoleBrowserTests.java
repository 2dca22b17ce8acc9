package org.fangpin.console;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewer console in a real browser against the running service: what a reviewer sees once the page has
 * fetched everything.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1")
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void theConsoleIsServedAtSlashConsoleWithItsScriptAndStylesheet() {
		Response page = this.http.get("/console");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("/console/console.js", "/console/console.css");
		assertThat(this.http.get("/console?assessment=whatever").status()).isEqualTo(200);
		assertThat(this.http.get("/console/").status()).isEqualTo(200);
		assertThat(this.http.get("/console/console.js").header("Content-Type")).contains("javascript");
		assertThat(this.http.get("/console/console.css").header("Content-Type")).startsWith("text/css");
	}

	@Test
	void theConsoleLoadsNothingFromAnotherOrigin() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/console"))) {
			for (Path file : files.toList()) {
				// the SVG namespace is a name, never fetched
				String text = Files.readString(file).replace("http://www.w3.org/2000/svg", "");
				assertThat(text).as(file.toString()).doesNotContainPattern("(?i)https?:|[\"'(]//|@import");
			}
		}
	}

	@Test
	void anAssessmentOpensFromItsAddressWithItsGroupMeasuresAndTheRulesThatFired() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "CONSOLE-OPEN"));
		HeadlessChromium.Page page = HeadlessChromium.require().load(console("assessment=" + id));
		assertThat(page.ready()).as(page.dom()).isTrue();
		assertThat(page.scriptErrors()).isEmpty();
		assertThat(page.dom()).contains("<html lang=\"zh-CN\"");

		String decision = page.element("section", "decision");
		assertThat(decision).containsPattern("class=\"group-badge\" data-group=\"UNSTABLE_LIFTED\"[^>]*>脱贫不稳定户</span>");
		assertThat(decision).contains("开发式帮扶", "因病");
		assertThat(decision).contains("data-measure=\"MEDICAL_ASSISTANCE\"", "data-measure=\"TEMPORARY_ASSISTANCE\"",
				"data-measure=\"INDUSTRY_GRANT\"", "data-measure=\"MICROCREDIT\"");
		String decisionText = page.text("section", "decision");
		assertThat(decisionText).contains("医疗救助", "临时救助", "产业奖补", "脱贫人口小额信贷", "50,000 元", "M-05",
				"家庭人均纯收入 8,700.00 元，不低于 2024 年监测标准 7,400 元", "暂不能标注风险消除");
		assertThat(decision).containsPattern("<li class=\"unmet\" data-clause=\"E5\">");

		String trace = page.element("section", "trace");
		assertThat(trace).contains("data-rule-id=\"S-RIGID\"", "data-rule-id=\"G1\"", "data-rule-id=\"T1\"",
				"data-rule-id=\"M-05\"", "data-rule-id=\"E5\"", "rules/50-measures/measures.drl",
				"data-parameter=\"monitoring.incomeThreshold\"");
		assertThat(page.text("section", "trace")).contains("afterRigid = 2,700", "trigger = 5,000", "2024-01-01");

		assertThat(page.element("section", "why-not")).contains("data-code=\"DIBAO\"", "class=\"unmet\"");
		assertThat(page.element("section", "history")).contains("data-assessment=\"" + id + "\"");
		assertThat(page.text("section", "review")).contains("+4,700 元");
		assertThat(page.element("section", "downloads")).contains("/api/v1/assessments/" + id + "/export",
				"/api/v1/households/CONSOLE-OPEN/assessments.csv");
	}

	@Test
	void theEnglishSwitchShowsTheSameAssessmentInEnglish() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "CONSOLE-EN"));
		HeadlessChromium.Page page = HeadlessChromium.require().load(console("assessment=" + id + "&lang=en"));
		assertThat(page.ready()).as(page.dom()).isTrue();
		assertThat(page.dom()).contains("<html lang=\"en\"", "id=\"lang-en\" data-lang=\"en\" aria-pressed=\"true\"");
		String decision = page.text("section", "decision");
		assertThat(decision).contains("Unstable lifted household", "Development", "Medical assistance",
				"Per-capita net income is 8,700.00 yuan, not below the 2024 monitoring threshold of 7,400 yuan");
		assertThat(decision).doesNotContain("脱贫不稳定户", "医疗救助");
		assertThat(page.text("section", "trace")).contains("Signals", "Measures",
				"A monitored household whose out-of-pocket medical costs reach the trigger: medical assistance");
	}

	@Test
	void aHouseholdOpensOnItsNewestAssessmentWithItsHistoryAsATimeline() {
		String first = store(HttpClientSupport.example().replace("140902-017-0031", "CONSOLE-HISTORY"));
		String second = store(withWages("CONSOLE-HISTORY", "2025-06-30", 25000));
		HeadlessChromium.Page page = HeadlessChromium.require().load(console("household=CONSOLE-HISTORY"));
		assertThat(page.ready()).as(page.dom()).isTrue();
		String history = page.element("section", "history");
		assertThat(history).containsPattern("<circle [^>]*data-assessment=\"" + first + "\" data-group=\"UNSTABLE_LIFTED\"");
		assertThat(history).containsPattern("<circle [^>]*data-assessment=\"" + second + "\" data-group=\"NOT_AT_RISK\"");
		assertThat(page.text("section", "history")).contains("2024-06-30", "2025-06-30", "共 2 次评估");
		assertThat(page.element("section", "decision")).contains(second, "data-group=\"NOT_AT_RISK\"");

		HeadlessChromium.Page unknown = HeadlessChromium.require().load(console("household=CONSOLE-NOBODY"));
		assertThat(unknown.dom()).contains("农户 CONSOLE-NOBODY 没有评估记录。");
	}

	@Test
	void aWhatIfAndAReplayInTheAddressShowTheirResultsSideBySide() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "CONSOLE-WHATIF"));
		String patch = URLEncoder.encode("{\"income\": {\"wages\": 20000}}", StandardCharsets.UTF_8);
		HeadlessChromium.Page page = HeadlessChromium.require()
			.load(console("assessment=" + id + "&whatif=" + patch + "&replay=1"));
		assertThat(page.ready()).as(page.dom()).isTrue();
		assertThat(page.scriptErrors()).isEmpty();
		String review = page.element("section", "review");
		assertThat(review).contains("data-identical=\"true\"");
		assertThat(review).containsPattern("data-path=\"riskGroup\">.*?<td class=\"before\"><span class=\"group-badge\" "
				+ "data-group=\"UNSTABLE_LIFTED\".*?<td class=\"after\"><span class=\"group-badge\" data-group=\"NOT_AT_RISK\"");
		assertThat(page.text("section", "review")).contains("原评估", "假设情形", "28,700 元", "可以标注风险消除", "G0");
	}

	@Test
	void aScreenshotShowsTheConsoleAsAReviewerSeesIt() throws IOException {
		store(withWages("CONSOLE-SHOT", "2023-06-30", 0));
		store(withWages("CONSOLE-SHOT", "2023-12-31", 3000));
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "CONSOLE-SHOT"));
		store(withWages("CONSOLE-SHOT", "2025-06-30", 25000));
		Path file = Path.of("target/console.png");
		HeadlessChromium.require().screenshot(console("assessment=" + id), file, 1280, 2000);
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image).as("a PNG at " + file).isNotNull();
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(2000);
	}

	private String console(String query) {
		return "http://localhost:" + this.port + "/console?" + query;
	}

	private String store(String profile) {
		Response response = this.http.postJson("/api/v1/assessments", profile);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** The example household on another date, with wages that may lift it above the threshold. */
	private static String withWages(String householdId, String asOf, int wages) {
		ObjectNode profile = (ObjectNode) HttpClientSupport.JSON.readTree(HttpClientSupport.example());
		profile.put("householdId", householdId);
		profile.put("asOf", asOf);
		((ObjectNode) profile.get("income")).put("wages", wages);
		if (asOf.compareTo("2024-03-02") < 0) {
			profile.putArray("events");
		}
		if (asOf.compareTo("2023-11-15") < 0) {
			profile.remove("monitoring");
		}
		return profile.toString();
	}

}
