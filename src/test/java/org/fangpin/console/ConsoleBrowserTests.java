package org.fangpin.console;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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

	@Test
	void theReportDrawsRiskGroupsMonthByMonthAndMonitoredIncomesAgainstTheThreshold() {
		String village = "城北村";
		seedReport(village, "REPORT");
		String query = "village=" + encode(village) + "&from=2025-01-01&to=2025-04-30";
		JsonNode summary = this.http.get("/api/v1/reports/summary?" + query).json();
		JsonNode series = this.http.get("/api/v1/reports/series?" + query).json();
		HeadlessChromium.Page page = HeadlessChromium.require().load(console("report=&" + query));
		assertThat(page.ready()).as(page.dom()).isTrue();
		assertThat(page.scriptErrors()).isEmpty();
		assertThat(page.text("section", "report")).contains("城北村", "2025-01-01 – 2025-04-30", "共 5 户");

		// risk groups month by month: a line for each group, a point for each group and month, as the API counts
		String chart = page.element("figure", "chart-series");
		assertThat(chart).contains("<svg", "<title id=\"chart-series-title\">各监测类别户数（按月）</title>");
		assertThat(page.text("figure", "chart-series")).contains("月份", "户数");
		List<String> groups = new ArrayList<>();
		series.get("months").get(0).get("riskGroup").forEach((figure) -> groups.add(figure.get("code").asString()));
		assertThat(groups).containsExactly("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP", "NOT_AT_RISK");
		assertThat(tags(chart, "polyline")).extracting((line) -> line.get("data-group"))
			.containsExactlyElementsOf(groups);
		Map<String, Map<String, String>> points = linkedShapes(chart, "circle", "data-group", "data-month");
		assertThat(series.get("months")).hasSize(4);
		assertThat(points).hasSize(4 * groups.size());
		for (JsonNode month : series.get("months")) {
			String table = row(chart, "data-month", month.get("month").asString());
			for (JsonNode figure : month.get("riskGroup")) {
				Map<String, String> point = points.get(figure.get("code").asString() + "@" + month.get("month").asString());
				assertThat(point).as(figure.toString()).isNotNull();
				assertThat(point.get("data-count")).isEqualTo(figure.get("count").asString());
				assertThat(point.get("data-href")).isEqualTo(figure.get("href").asString());
				assertThat(drillTarget(point.get("href"))).isEqualTo(figure.get("href").asString());
				assertThat(table).containsPattern("data-group=\"" + figure.get("code").asString()
						+ "\"><a [^>]*data-count=\"" + figure.get("count").asString() + "\"");
			}
			assertThat(table).containsPattern("class=\"num total\"><a [^>]*data-count=\""
					+ month.get("households").get("count").asString() + "\"");
		}
		// what the village's caseworker knows: two marginal households in February, three from March
		assertThat(points.get("MARGINAL@2025-02").get("data-count")).isEqualTo("2");
		assertThat(points.get("MARGINAL@2025-03").get("data-count")).isEqualTo("3");
		assertThat(points.get("SUDDEN_HARDSHIP@2025-04").get("data-count")).isEqualTo("1");
		assertThat(points.get("NOT_AT_RISK@2025-01").get("data-count")).isEqualTo("0");

		// incomes of monitored households: a bar for each band the API counts, and the threshold as a line
		String histogram = page.element("figure", "chart-income");
		Map<String, Map<String, String>> bars = linkedShapes(histogram, "rect", "data-band");
		JsonNode bands = summary.get("incomeBand");
		assertThat(bars).hasSize(bands.size()).containsOnlyKeys("6000-7000", "7000-8000", "20000-21000");
		assertThat(bars.get("6000-7000").get("data-count")).isEqualTo("2");
		List<Map<String, String>> lines = tags(histogram, "line").stream()
			.filter((line) -> "threshold".equals(line.get("class")))
			.toList();
		assertThat(lines).hasSize(1);
		BigDecimal threshold = summary.get("income").get("threshold").decimalValue();
		assertThat(threshold).isEqualByComparingTo("7700");
		assertThat(new BigDecimal(lines.get(0).get("data-threshold"))).isEqualByComparingTo(threshold);
		double at = Double.parseDouble(lines.get(0).get("x1"));
		for (JsonNode band : bands) {
			Map<String, String> bar = bars.get(band.get("code").asString());
			assertThat(bar.get("data-count")).isEqualTo(band.get("count").asString());
			assertThat(bar.get("data-href")).isEqualTo(band.get("href").asString());
			assertThat(drillTarget(bar.get("href"))).isEqualTo(band.get("href").asString());
			String[] edges = band.get("code").asString().split("-");
			double left = Double.parseDouble(bar.get("x"));
			double right = left + Double.parseDouble(bar.get("width"));
			if (threshold.compareTo(new BigDecimal(edges[1])) >= 0) {
				assertThat(right).as(band + " lies left of the line").isLessThanOrEqualTo(at);
				assertThat(bar.get("class")).isEqualTo("bin below");
			}
			else if (threshold.compareTo(new BigDecimal(edges[0])) <= 0) {
				assertThat(left).as(band + " lies right of the line").isGreaterThanOrEqualTo(at);
			}
			else {
				assertThat(at).as("the line crosses " + band).isBetween(left, right);
			}
			assertThat(row(histogram, "data-band", band.get("code").asString()))
				.containsPattern("<a [^>]*data-count=\"" + band.get("count").asString() + "\"");
		}
		assertThat(tags(histogram, "tr").stream().map((row) -> row.get("data-band")).filter((band) -> band != null))
			.as("the table lists the bands by income")
			.containsExactly("6000-7000", "7000-8000", "20000-21000");
		assertThat(page.text("figure", "chart-income")).contains("监测标准 7,700 元", "人均纯收入（元）",
				"6,000–7,000 元", "低于监测标准");

		// every figure of the summary, each with its count and its link
		String figures = page.element("div", "report-figures");
		int listed = 0;
		for (String kind : List.of("riskGroup", "riskType", "tier", "caseState", "measureRecommended",
				"measureApplied", "incomeBand")) {
			for (JsonNode figure : summary.get(kind)) {
				String row = row(figures, "data-figure", kind + ":" + figure.get("code").asString());
				assertThat(row).contains("data-count=\"" + figure.get("count").asString() + "\"");
				assertThat(attributes(row.substring(row.indexOf("<a ") + 3)).get("data-href"))
					.isEqualTo(figure.get("href").asString());
				listed++;
			}
		}
		assertThat(listed).isGreaterThan(8);
	}

	@Test
	void aPointOrABarOfTheReportListsTheHouseholdsBehindIt() {
		String village = "城南村";
		Map<String, String> ids = seedReport(village, "DRILL");
		String query = "village=" + encode(village) + "&from=2025-01-01&to=2025-04-30";
		JsonNode summary = this.http.get("/api/v1/reports/summary?" + query).json();
		JsonNode series = this.http.get("/api/v1/reports/series?" + query).json();

		String marginal = null;
		for (JsonNode figure : summary.get("riskGroup")) {
			if (figure.get("code").asString().equals("MARGINAL")) {
				marginal = figure.get("href").asString();
			}
		}
		HeadlessChromium.Page page = HeadlessChromium.require().load(console("drill=" + encode(marginal)));
		assertThat(page.ready()).as(page.dom()).isTrue();
		String drill = page.element("section", "drill");
		assertThat(tags(drill, "tr")).extracting((row) -> row.get("data-household"))
			.containsExactly(null, "DRILL-1", "DRILL-2", "DRILL-5");
		assertThat(drill).contains("data-assessment=\"" + ids.get("DRILL-1@2025-04-10") + "\"",
				"data-assessment=\"" + ids.get("DRILL-2") + "\"", "data-assessment=\"" + ids.get("DRILL-5") + "\"",
				"href=\"/console?household=DRILL-1\"");
		assertThat(page.text("section", "drill")).contains("监测类别 · 边缘易致贫户", "城南村", "3 户", "返回报表");
		assertThat(attributes(drill.substring(drill.indexOf("<a id=\"drill-back\"") + 3)).get("href"))
			.startsWith("/console?report=&village=" + encode(village));

		// February's marginal households, by the assessments in force at the end of February, in English
		String february = series.get("months").get(1).get("riskGroup").get(1).get("href").asString();
		HeadlessChromium.Page english = HeadlessChromium.require()
			.load(console("drill=" + encode(february) + "&lang=en"));
		assertThat(english.ready()).as(english.dom()).isTrue();
		String listed = english.element("section", "drill");
		assertThat(tags(listed, "tr")).extracting((row) -> row.get("data-household"))
			.containsExactly(null, "DRILL-1", "DRILL-2");
		assertThat(listed).contains("data-assessment=\"" + ids.get("DRILL-1") + "\"");
		assertThat(english.text("section", "drill")).contains("Risk group · Marginal household prone to poverty",
				"on 2025-02-28", "2 household(s)", "2025-01-15");

		HeadlessChromium.Page elsewhere = HeadlessChromium.require()
			.load(console("drill=" + encode("/api/v1/assessments/whatever")));
		assertThat(elsewhere.dom()).contains("这不是报表数字的明细地址。");
	}

	@Test
	void aScreenshotShowsTheReportAsAnOfficialSeesIt() throws IOException {
		String village = "豆罗村";
		int[][] households = { { 4200, 0 }, { 5600, 0 }, { 6100, 0 }, { 6900, 0 }, { 7300, 0 }, { 7600, 0 },
				{ 20000, 16000 }, { 26000, 21000 }, { 12000, 0 }, { 30000, 0 }, { 45000, 0 }, { 6400, 0 } };
		for (int i = 0; i < households.length; i++) {
			String month = "2024-%02d-15".formatted(1 + (i % 12));
			store(household("SHOT-" + (i + 1), month, village, households[i][0], households[i][1]));
			if (i % 3 == 0) {
				// a year on, a third of them earn more
				store(household("SHOT-" + (i + 1), "2025-%02d-15".formatted(1 + (i % 12)), village,
						households[i][0] * 3, 0));
			}
		}
		Path file = Path.of("target/console-report.png");
		HeadlessChromium.require()
			.screenshot(console("report=&village=" + encode(village) + "&from=2024-01-01&to=2025-12-31"), file, 1280,
					1500);
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image).as("a PNG at " + file).isNotNull();
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(1500);
	}

	/**
	 * Five households of a village over four months of 2025, stored as a caseworker would: marginal ones from
	 * January to March, one in sudden hardship, one not at risk, and the first assessed again in April. Answers the
	 * assessment ids by household (and {@code household@asOf} for the second one).
	 */
	private Map<String, String> seedReport(String village, String prefix) {
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put(prefix + "-1", store(household(prefix + "-1", "2025-01-15", village, 5000, 0)));
		ids.put(prefix + "-2", store(household(prefix + "-2", "2025-02-10", village, 7000, 0)));
		ids.put(prefix + "-3", store(household(prefix + "-3", "2025-02-20", village, 20000, 16000)));
		ids.put(prefix + "-4", store(household(prefix + "-4", "2025-03-05", village, 30000, 0)));
		ids.put(prefix + "-5", store(household(prefix + "-5", "2025-03-20", village, 6800, 0)));
		ids.put(prefix + "-1@2025-04-10", store(household(prefix + "-1", "2025-04-10", village, 6500, 0)));
		return ids;
	}

	/** A one-person household that has never been poor, with its wages and out-of-pocket medical costs. */
	private static String household(String id, String asOf, String village, int wages, int medical) {
		return """
				{"householdId": "%s", "asOf": "%s", "povertyStatus": "NEVER_POOR",
				 "region": {"province": "山西省", "city": "忻州市", "county": "忻府区", "township": "豆罗镇", "village": "%s"},
				 "members": [{"relation": "HEAD", "age": 45, "laborCapacity": "FULL", "employment": "LOCAL_WAGE"}],
				 "income": {"wages": %d}, "expenses": {"medicalOutOfPocket": %d}}"""
			.formatted(id, asOf, village, wages, medical);
	}

	/** Every shape of the chart that links to households, by its key attributes, with the link's attributes. */
	private static Map<String, Map<String, String>> linkedShapes(String chart, String shape, String... key) {
		Map<String, Map<String, String>> shapes = new LinkedHashMap<>();
		Matcher links = Pattern.compile("<a\\s([^>]*)>\\s*<title>[^<]*</title>\\s*<" + shape + "\\s([^>]*)>")
			.matcher(chart);
		while (links.find()) {
			Map<String, String> attributes = attributes(links.group(2));
			Map<String, String> link = attributes(links.group(1));
			attributes.put("href", link.get("href"));
			attributes.put("data-href", link.get("data-href"));
			List<String> parts = new ArrayList<>();
			for (String name : key) {
				parts.add(attributes.get(name));
			}
			assertThat(shapes.put(String.join("@", parts), attributes)).as("one shape for " + parts).isNull();
		}
		return shapes;
	}

	private static List<Map<String, String>> tags(String html, String tag) {
		List<Map<String, String>> tags = new ArrayList<>();
		Matcher matcher = Pattern.compile("<" + tag + "(\\s[^>]*)?>").matcher(html);
		while (matcher.find()) {
			tags.add(attributes((matcher.group(1) != null) ? matcher.group(1) : ""));
		}
		return tags;
	}

	/** The attributes of a tag (everything up to its {@code >}), their values unescaped. */
	private static Map<String, String> attributes(String tag) {
		String inside = tag.contains(">") ? tag.substring(0, tag.indexOf('>')) : tag;
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"").matcher(inside);
		while (matcher.find()) {
			attributes.put(matcher.group(1), matcher.group(2).replace("&quot;", "\"").replace("&lt;", "<")
				.replace("&gt;", ">").replace("&amp;", "&"));
		}
		return attributes;
	}

	/** The table row with this attribute, up to its end. */
	private static String row(String html, String attribute, String value) {
		int start = html.indexOf("<tr " + attribute + "=\"" + value + "\"");
		assertThat(start).as("a row with " + attribute + "=" + value).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	/** The API link a console drill-down address shows. */
	private static String drillTarget(String consoleHref) {
		assertThat(consoleHref).startsWith("/console?drill=");
		return URLDecoder.decode(consoleHref.substring("/console?drill=".length()), StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The console's address, signed in as a reviewer (the browser answers the server's Basic challenge with it). */
	private String console(String query) {
		return "http://test-reviewer:reviewer-secret@localhost:" + this.port + "/console?" + query;
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
