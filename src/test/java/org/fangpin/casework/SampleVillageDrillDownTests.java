package org.fangpin.casework;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary of a real-sized village of the 10,000-household sample: every figure drills down to exactly the
 * households counted in it. What each household should be counted under is worked out here from what the service
 * answered when it was stored, and from its cases, never from the report itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-village;DB_CLOSE_DELAY=-1")
class SampleVillageDrillDownTests {

	static final Path SAMPLE = Path.of("test-cases/population/households-10000.ndjson");

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void everyFigureOfTheLargestVillagesSummaryListsExactlyTheHouseholdsItCounts() throws IOException {
		List<JsonNode> sample = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank())
			.map(HttpClientSupport.JSON::readTree)
			.toList();
		assertThat(sample).hasSize(10_000);

		// a village is its county, township and name together: the same name is found in several townships
		Map<List<String>, List<JsonNode>> villages = new TreeMap<>(
				Comparator.comparing((List<String> key) -> String.join("/", key)));
		sample.forEach((profile) -> villages.computeIfAbsent(region(profile), (key) -> new ArrayList<>()).add(profile));
		List<String> chosen = villages.entrySet()
			.stream()
			.max(Comparator.comparingInt((Map.Entry<List<String>, List<JsonNode>> entry) -> entry.getValue().size()))
			.orElseThrow()
			.getKey();
		List<JsonNode> village = villages.get(chosen);
		assertThat(village).hasSizeGreaterThan(20);

		// every household of the village, as the service answers each
		Map<String, JsonNode> stored = new TreeMap<>();
		for (JsonNode profile : village) {
			Response response = this.http.postJson("/api/v1/assessments", profile.toString());
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			stored.put(profile.get("householdId").asString(), response.json());
		}
		// and, never to be counted, the rest of its township and the villages of the same name elsewhere
		List<String> neighbours = new ArrayList<>();
		for (JsonNode profile : sample) {
			List<String> where = region(profile);
			boolean sameTownship = where.get(0).equals(chosen.get(0)) && where.get(1).equals(chosen.get(1));
			boolean sameName = where.get(2).equals(chosen.get(2));
			if (!where.equals(chosen) && (sameTownship || sameName)) {
				Response response = this.http.postJson("/api/v1/assessments", profile.toString());
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				neighbours.add(profile.get("householdId").asString());
			}
		}
		assertThat(neighbours).hasSizeGreaterThan(100);

		List<String> monitored = stored.entrySet()
			.stream()
			.filter((entry) -> !"NOT_AT_RISK".equals(entry.getValue().get("riskGroup").asString()))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(monitored).as("monitored households in the village").hasSizeGreaterThanOrEqualTo(2);

		// casework on one of them: identified and given a measure recommended to it; the other cases (alerts open
		// them too) stay signalled, and their identification, due 15 days after 2024-12-31, is overdue
		String assisted = monitored.stream()
			.filter((id) -> !stored.get(id).get("measures").isEmpty())
			.findFirst()
			.orElseThrow();
		String measure = stored.get(assisted).get("measures").get(0).get("code").asString();
		Response identified = this.http.postJson("/api/v1/cases/" + caseOf(assisted) + "/transitions",
				"{\"to\": \"IDENTIFIED\", \"date\": \"2025-01-06\"}");
		assertThat(identified.status()).as(identified.body()).isEqualTo(200);
		Response applied = this.http.postJson("/api/v1/cases/" + caseOf(assisted) + "/measures",
				"{\"code\": \"" + measure + "\", \"date\": \"2025-01-10\"}");
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);

		String query = "county=" + encode(chosen.get(0)) + "&township=" + encode(chosen.get(1)) + "&village="
				+ encode(chosen.get(2));
		JsonNode summary = this.http.get("/api/v1/reports/summary?" + query).json();
		Map<String, Set<String>> expected = expected(stored, summary.get("to").asString());
		expected.put("measureApplied:" + measure, new TreeSet<>(Set.of(assisted)));

		// every figure with an href, wherever it is in the summary
		Map<String, JsonNode> figures = new LinkedHashMap<>();
		summary.properties().forEach((field) -> {
			JsonNode value = field.getValue();
			if (value.has("href")) {
				figures.put(field.getKey(), value);
			}
			else if (value.isArray()) {
				value.forEach((figure) -> figures.put(field.getKey() + ":" + figure.get("code").asString(), figure));
			}
		});
		assertThat(figures).containsKeys("households", "eliminated", "identificationOverdue");

		for (Map.Entry<String, JsonNode> figure : figures.entrySet()) {
			String key = figure.getKey();
			String href = figure.getValue().get("href").asString();
			assertThat(figureOf(href)).as("the figure " + key + " links to itself").isEqualTo(key);
			JsonNode drill = this.http.get(href).json();
			List<String> listed = new ArrayList<>();
			drill.get("households").forEach((household) -> {
				String id = household.get("householdId").asString();
				listed.add(id);
				JsonNode answer = stored.get(id);
				assertThat(answer).as(key + " lists " + id + ", which is not of the village").isNotNull();
				assertThat(household.get("assessmentId").asString()).isEqualTo(answer.get("id").asString());
				assertThat(household.get("riskGroup").asString()).isEqualTo(answer.get("riskGroup").asString());
				assertThat(household.get("village").asString()).isEqualTo(chosen.get(2));
			});
			int count = figure.getValue().get("count").intValue();
			assertThat(drill.get("count").intValue()).as(key).isEqualTo(count);
			assertThat(listed).as(key).hasSize(count).isSorted().doesNotHaveDuplicates();
			assertThat(new TreeSet<>(listed)).as(key)
				.isEqualTo(expected.getOrDefault(key, new TreeSet<>()));
		}
		// and no figure that should be there is missing from the summary
		expected.forEach((key, households) -> assertThat(figures).as(key).containsKey(key));
		assertThat(figures).hasSizeGreaterThan(12);
		assertThat(figures.get("caseState:ASSISTED").get("count").intValue()).isEqualTo(1);
		assertThat(figures.get("identificationOverdue").get("count").intValue()).isPositive();

		// the income quantiles and threshold are those of the monitored households
		List<BigDecimal> incomes = monitored.stream()
			.map((id) -> stored.get(id).get("income").get("perCapitaNetIncome").decimalValue())
			.sorted()
			.toList();
		JsonNode income = summary.get("income");
		assertThat(income.get("quantilesOfMonitored").get("min").decimalValue())
			.isEqualByComparingTo(incomes.get(0));
		assertThat(income.get("quantilesOfMonitored").get("max").decimalValue())
			.isEqualByComparingTo(incomes.get(incomes.size() - 1));
		assertThat(income.get("threshold").decimalValue())
			.isEqualByComparingTo(stored.get(monitored.get(0)).get("income").get("threshold").decimalValue());

		// the CSV export has the same figures with the same households
		Map<String, Set<String>> csv = new TreeMap<>();
		this.http.get("/api/v1/reports/summary.csv?" + query).body().lines().skip(1).forEach((line) -> {
			String[] columns = line.split(",", 3);
			Set<String> households = new TreeSet<>(List.of(columns[2].split(";")));
			assertThat(households).as(columns[0]).hasSize(Integer.parseInt(columns[1]));
			csv.put(columns[0], households);
		});
		Map<String, Set<String>> nonEmpty = new TreeMap<>(expected);
		nonEmpty.values().removeIf(Set::isEmpty);
		assertThat(csv).isEqualTo(nonEmpty);

		// month by month, December 2024 counts the same households by risk group
		JsonNode december = this.http.get("/api/v1/reports/series?" + query + "&from=2024-12-01&to=2024-12-31")
			.json()
			.get("months")
			.get(0);
		assertThat(december.get("households").get("count").intValue()).isEqualTo(stored.size());
		for (JsonNode figure : december.get("riskGroup")) {
			String key = "riskGroup:" + figure.get("code").asString();
			List<String> listed = new ArrayList<>();
			this.http.get(figure.get("href").asString())
				.json()
				.get("households")
				.forEach((household) -> listed.add(household.get("householdId").asString()));
			assertThat(listed).as(key).hasSize(figure.get("count").intValue());
			assertThat(new TreeSet<>(listed)).as(key).isEqualTo(expected.getOrDefault(key, new TreeSet<>()));
		}
	}

	/** What each figure should count, from the assessments as stored and the households' cases. */
	private Map<String, Set<String>> expected(Map<String, JsonNode> stored, String today) {
		Map<String, Set<String>> expected = new TreeMap<>();
		stored.forEach((id, answer) -> {
			add(expected, "households", id);
			String group = answer.get("riskGroup").asString();
			add(expected, "riskGroup:" + group, id);
			answer.get("riskTypes").forEach((type) -> add(expected, "riskType:" + type.asString(), id));
			JsonNode tier = answer.get("assistanceTier");
			if (tier != null && !tier.isNull()) {
				add(expected, "tier:" + tier.asString(), id);
			}
			answer.get("measures").forEach((measure) -> add(expected, "measureRecommended:"
					+ measure.get("code").asString(), id));
			JsonNode perCapita = answer.get("income").get("perCapitaNetIncome");
			if (!"NOT_AT_RISK".equals(group) && perCapita != null && !perCapita.isNull()) {
				add(expected, "incomeBand:" + band(perCapita.decimalValue()), id);
			}
			JsonNode cases = this.http.get("/api/v1/households/" + id + "/cases").json();
			if (!cases.isEmpty()) {
				JsonNode latest = cases.get(0);
				String state = latest.get("state").asString();
				add(expected, "caseState:" + state, id);
				if (state.equals("SIGNALLED") && latest.get("identificationDue").asString().compareTo(today) < 0) {
					add(expected, "identificationOverdue", id);
				}
			}
		});
		expected.putIfAbsent("eliminated", new TreeSet<>());
		expected.putIfAbsent("identificationOverdue", new TreeSet<>());
		return expected;
	}

	private String caseOf(String household) {
		JsonNode cases = this.http.get("/api/v1/households/" + household + "/cases").json();
		assertThat(cases.size()).as("cases of " + household).isPositive();
		return cases.get(0).get("id").asString();
	}

	/** The documented bands: 1,000 yuan wide (5000-6000), and {@code <0} below zero. */
	private static String band(BigDecimal income) {
		if (income.signum() < 0) {
			return "<0";
		}
		BigDecimal thousand = BigDecimal.valueOf(1000);
		BigDecimal lower = income.divide(thousand, 0, RoundingMode.FLOOR).multiply(thousand);
		return lower.toPlainString() + "-" + lower.add(thousand).toPlainString();
	}

	private static String figureOf(String href) {
		for (String parameter : URI.create(href).getRawQuery().split("&")) {
			if (parameter.startsWith("figure=")) {
				return URLDecoder.decode(parameter.substring("figure=".length()), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no figure in " + href);
	}

	private static List<String> region(JsonNode profile) {
		JsonNode region = profile.get("region");
		return List.of(region.get("county").asString(), region.get("township").asString(),
				region.get("village").asString());
	}

	private static void add(Map<String, Set<String>> figures, String key, String household) {
		figures.computeIfAbsent(key, (unused) -> new TreeSet<>()).add(household);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
