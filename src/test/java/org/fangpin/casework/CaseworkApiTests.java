package org.fangpin.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:casework-api;DB_CLOSE_DELAY=-1",
				"fangpin.batch.chunk-size=3" })
class CaseworkApiTests {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void oneHouseholdFromADepartmentAlertToEliminationAndAFallBackThatOpensALinkedCase() {
		String household = "CASE-WALK";
		assertThat(store(profile(household, "2025-02-01", 20000, 0)).get("riskGroup").asString())
			.isEqualTo("NOT_AT_RISK");
		assertThat(cases(household).size()).isZero();

		// 1. a department alert: a large out-of-pocket medical bill
		Response alert = this.http.post("/api/v1/alerts", "application/x-ndjson",
				"{\"householdId\": \"" + household + "\", \"date\": \"2025-03-01\", \"kind\": \"MEDICAL_INSURANCE\", "
						+ "\"facts\": {\"member\": 0, \"outOfPocket\": 15000}}\n"
						+ "{\"householdId\": \"NOBODY\", \"date\": \"2025-03-01\", \"kind\": \"HUMAN_RESOURCES\", \"facts\": {\"member\": 0}}\n"
						+ "{not json\n");
		assertThat(alert.status()).isEqualTo(200);
		String[] lines = alert.body().split("\n");
		assertThat(lines).hasSize(3);
		JsonNode applied = HttpClientSupport.JSON.readTree(lines[0]);
		assertThat(applied.get("riskGroup").asString()).isEqualTo("SUDDEN_HARDSHIP");
		assertThat(HttpClientSupport.JSON.readTree(lines[1]).get("problem").get("status").intValue()).isEqualTo(404);
		assertThat(HttpClientSupport.JSON.readTree(lines[2]).get("problem").get("status").intValue()).isEqualTo(400);
		JsonNode cause = this.http.get("/api/v1/assessments/" + applied.get("assessmentId").asString()).json();
		assertThat(cause.get("input").get("expenses").get("medicalOutOfPocket").decimalValue())
			.isEqualByComparingTo("15000");

		// 2. the warning: a signalled case on the watch list
		JsonNode signalled = cases(household).get(0);
		assertThat(signalled.get("state").asString()).isEqualTo("SIGNALLED");
		assertThat(signalled.get("identificationDue").asString()).isEqualTo("2025-03-16");
		String caseId = signalled.get("id").asString();
		JsonNode watch = watchlist("2025-02-15");
		assertThat(reasons(watch, household)).contains("NEWLY_MONITORED");

		// 3. identification within the deadline
		assertThat(transition(caseId, "IDENTIFIED", "2025-03-10", "confirmed by the village committee").status())
			.isEqualTo(200);

		// 4. a measure applied
		Response measure = this.http.postJson("/api/v1/cases/" + caseId + "/measures",
				"{\"code\": \"MEDICAL_ASSISTANCE\", \"date\": \"2025-03-15\", \"amount\": 8000}");
		assertThat(measure.status()).isEqualTo(200);
		assertThat(measure.json().get("state").asString()).isEqualTo("ASSISTED");

		// 5. a refused elimination listing the unmet clauses
		JsonNode april = store(profile(household, "2025-04-01", 20000, 15000));
		assertThat(april.get("elimination").get("unmet").toString()).isEqualTo("[\"E1\",\"E5\"]");
		// a batch line for the same household is judged on the case's monitoring too, not the client's
		Response batch = this.http.post("/api/v1/assessments/batch?store=false", "application/x-ndjson",
				HttpClientSupport.JSON.readTree(profile(household, "2025-04-01", 20000, 15000)).toString() + "\n");
		JsonNode line = HttpClientSupport.JSON.readTree(batch.body().split("\n")[0]);
		assertThat(line.path("elimination").path("unmet").toString()).as(batch.body()).isEqualTo("[\"E1\",\"E5\"]");
		Response refused = transition(caseId, "ELIMINATED", "2025-04-02", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("unmet").toString()).isEqualTo("[\"E1\",\"E5\"]");

		// 6. a later eligible elimination
		JsonNode october = store(profile(household, "2025-10-01", 20000, 0));
		assertThat(october.get("elimination").get("eligible").booleanValue()).isTrue();
		JsonNode eliminated = transition(caseId, "ELIMINATED", "2025-10-02", "income stable, costs covered").json();
		assertThat(eliminated.get("state").asString()).isEqualTo("ELIMINATED");
		List<String> path = new ArrayList<>();
		eliminated.get("transitions").forEach((step) -> path.add(step.get("to").asString()));
		assertThat(path).containsExactly("SIGNALLED", "IDENTIFIED", "ASSISTED", "ELIMINATED");
		assertThat(eliminated.get("transitions").get(1).get("reason").asString())
			.isEqualTo("confirmed by the village committee");

		// 7. a fall-back opens a new case linked to the old one
		assertThat(store(profile(household, "2025-12-01", 5000, 0)).get("riskGroup").asString()).isEqualTo("MARGINAL");
		JsonNode both = cases(household);
		assertThat(both.size()).isEqualTo(2);
		assertThat(both.get(0).get("state").asString()).isEqualTo("SIGNALLED");
		assertThat(both.get(0).get("previousCase").asString()).isEqualTo(caseId);
	}

	@Test
	void everyLineOfABatchIsJudgedOnItsOwnHouseholdsCaseAsASingleEvaluationIs() {
		// one household a case state: identified, assisted (with a measure), only signalled, and none
		String identified = openCase("BATCH-IDENTIFIED");
		assertThat(transition(identified, "IDENTIFIED", "2025-03-10", null).status()).isEqualTo(200);
		String assisted = openCase("BATCH-ASSISTED");
		assertThat(transition(assisted, "IDENTIFIED", "2025-03-05", null).status()).isEqualTo(200);
		assertThat(this.http.postJson("/api/v1/cases/" + assisted + "/measures",
				"{\"code\": \"MEDICAL_ASSISTANCE\", \"date\": \"2025-03-15\", \"amount\": 8000}").status())
			.isEqualTo(200);
		openCase("BATCH-SIGNALLED");
		List<String> households = List.of("BATCH-IDENTIFIED", "BATCH-NONE", "BATCH-ASSISTED", "BATCH-SIGNALLED",
				"BATCH-ASSISTED", "BATCH-IDENTIFIED", "BATCH-NONE", "BATCH-SIGNALLED", "BATCH-IDENTIFIED");
		List<String> profiles = new ArrayList<>();
		households.forEach((household) -> profiles
			.add(HttpClientSupport.JSON.readTree(profile(household, "2025-04-01", 20000, 15000)).toString()));
		profiles.add(4, "{not json");

		// blocks of three lines (fangpin.batch.chunk-size), so each block reads the cases of other households
		Response batch = this.http.post("/api/v1/assessments/batch?store=false", "application/x-ndjson",
				String.join("\n", profiles) + "\n");
		assertThat(batch.status()).isEqualTo(200);
		String[] lines = batch.body().split("\n");
		assertThat(lines).hasSize(profiles.size());
		for (int i = 0; i < profiles.size(); i++) {
			JsonNode line = HttpClientSupport.JSON.readTree(lines[i]);
			if (i == 4) {
				assertThat(line.get("problem").get("status").intValue()).isEqualTo(400);
				continue;
			}
			Response single = this.http.postJson("/api/v1/evaluations", profiles.get(i));
			assertThat(single.status()).isEqualTo(200);
			ObjectNode expected = (ObjectNode) single.json();
			expected.remove("assessedAt");
			((ObjectNode) line).remove("assessedAt");
			assertThat(line).as("line %d, %s", i + 1, profiles.get(i)).isEqualTo(expected);
			// the lines were not all alike: the identified and assisted cases made their households monitored
			String household = line.get("householdId").asString();
			boolean monitored = household.equals("BATCH-IDENTIFIED") || household.equals("BATCH-ASSISTED");
			assertThat(line.get("elimination").isNull()).as(household).isEqualTo(!monitored);
		}
	}

	/** Stores an assessment at risk for a new household, which opens a signalled case; returns its id. */
	@Test
	void aCaseChangeDatedInTheFutureOrBeforeTheLastOneIsRefusedAndAnEarlierProfileKeepsItsOwnMonitoring() {
		String household = "CASE-DATES";
		String caseId = openCase(household);
		String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
		Response ahead = transition(caseId, "IDENTIFIED", future, null);
		assertThat(ahead.status()).as(ahead.body()).isEqualTo(400);
		assertThat(ahead.json().get("detail").asString()).contains(future).contains("不能晚于今天");
		Response backdated = transition(caseId, "IDENTIFIED", "2025-02-28", null);
		assertThat(backdated.status()).as(backdated.body()).isEqualTo(400);
		assertThat(backdated.json().get("detail").asString()).contains("2025-03-01");
		assertThat(cases(household).get(0).get("state").asString()).as("nothing recorded").isEqualTo("SIGNALLED");

		assertThat(transition(caseId, "IDENTIFIED", "2025-04-10", null).status()).isEqualTo(200);
		Response tooMuch = this.http.postJson("/api/v1/cases/" + caseId + "/measures",
				"{\"code\": \"SKILLS_TRAINING\", \"date\": \"2025-04-11\", \"amount\": 99999999999}");
		assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(400);
		Response beforeIdentified = this.http.postJson("/api/v1/cases/" + caseId + "/measures",
				"{\"code\": \"SKILLS_TRAINING\", \"date\": \"2025-04-09\"}");
		assertThat(beforeIdentified.status()).as(beforeIdentified.body()).isEqualTo(400);
		assertThat(cases(household).get(0).get("measures").size()).isZero();

		Response unknown = this.http.get("/api/v1/cases/no-such-case");
		assertThat(unknown.json().get("type").asString()).isEqualTo("urn:fangpin:problem:casework-not-found");
		assertThat(unknown.json().get("detail").asString()).isEqualTo("没有 id 为 no-such-case 的案件");
		assertThat(this.http.get("/api/v1/cases/no-such-case", "Accept-Language", "en").json().get("detail").asString())
			.isEqualTo("No case has the id no-such-case");
		Response alert = this.http.post("/api/v1/alerts", "application/x-ndjson", "{\"householdId\": \"" + household
				+ "\", \"date\": \"2025-04-20\", \"kind\": \"MEDICAL_INSURANCE\", \"facts\": {\"outOfPocket\": 100.555}}");
		JsonNode refused = HttpClientSupport.JSON.readTree(alert.body().trim());
		assertThat(refused.get("householdId").asString()).isEqualTo(household);
		assertThat(refused.get("problem").get("detail").asString())
			.isEqualTo("the alert makes the profile invalid: expenses.medicalOutOfPocket (decimals [2])");

		Response inverted = this.http.get("/api/v1/reports/summary?county=%E5%BF%BB%E5%BA%9C%E5%8C%BA"
				+ "&from=2025-01-01&to=2024-01-01", "Accept-Language", "en");
		assertThat(inverted.status()).as(inverted.body()).isEqualTo(400);
		assertThat(inverted.json().get("detail").asString()).isEqualTo("from must not be after to");

		// a profile dated before the identification is judged by its own monitoring, not refused for it
		JsonNode earlier = store(profile(household, "2025-03-15", 5000, 0));
		assertThat(earlier.get("elimination").isNull()).as("not monitored by the case on 2025-03-15").isTrue();
		JsonNode later = store(profile(household, "2025-05-01", 5000, 0));
		assertThat(later.get("elimination").get("unmet").toString()).as("monitored since 2025-04-10").contains("E1");
	}

	private String openCase(String household) {
		store(profile(household, "2025-03-01", 5000, 0));
		JsonNode opened = cases(household);
		assertThat(opened.size()).isEqualTo(1);
		return opened.get(0).get("id").asString();
	}

	@Test
	void theWatchListShowsAlertedAndOverdueHouseholdsWithReasonsAndExportsCsv() {
		store(profile("CASE-NEAR", "2025-02-01", 8000, 0));
		store(profile("CASE-LATE", "2025-01-01", 5000, 0));
		JsonNode watch = watchlist("2024-01-01");
		assertThat(reasons(watch, "CASE-NEAR")).containsExactly("ALERT", "IDENTIFICATION_OVERDUE");
		assertThat(reasons(watch, "CASE-LATE")).contains("IDENTIFICATION_OVERDUE", "NEWLY_MONITORED");
		Response csv = this.http.get("/api/v1/watchlist.csv?village=%E8%91%A3%E6%9D%91&since=2024-01-01");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("CASE-NEAR,ALERT").contains("CASE-LATE,");
	}

	@Test
	void everyFigureOfAVillageSummaryDrillsDownToExactlyTheHouseholdsCounted() {
		String village = "report-village";
		store(profile("RPT-1", "2025-06-01", 5000, 0).replace("董村", village));
		store(profile("RPT-2", "2025-06-01", 7000, 0).replace("董村", village));
		store(profile("RPT-3", "2025-06-01", 30000, 0).replace("董村", village));
		store(profile("RPT-4", "2025-06-01", 20000, 16000).replace("董村", village));
		JsonNode summary = this.http.get("/api/v1/reports/summary?village=" + village).json();
		assertThat(summary.get("households").get("count").intValue()).isEqualTo(4);
		int figures = 0;
		for (String kind : List.of("riskGroup", "riskType", "tier", "caseState", "measureRecommended", "incomeBand")) {
			for (JsonNode figure : summary.get(kind)) {
				JsonNode drill = this.http.get(figure.get("href").asString()).json();
				assertThat(drill.get("count").intValue()).isEqualTo(figure.get("count").intValue());
				assertThat(drill.get("households").size()).isEqualTo(figure.get("count").intValue());
				drill.get("households").forEach((household) -> assertThat(household.get("village").asString()).isEqualTo(village));
				figures++;
			}
		}
		assertThat(figures).isGreaterThan(8);
		JsonNode marginal = find(summary.get("riskGroup"), "MARGINAL");
		assertThat(marginal.get("count").intValue()).isEqualTo(2);
		List<String> ids = new ArrayList<>();
		this.http.get(marginal.get("href").asString()).json().get("households")
			.forEach((household) -> ids.add(household.get("householdId").asString()));
		assertThat(ids).containsExactly("RPT-1", "RPT-2");
		assertThat(find(summary.get("riskGroup"), "SUDDEN_HARDSHIP").get("count").intValue()).isEqualTo(1);
		assertThat(summary.get("income").get("quantilesOfMonitored").get("min").decimalValue())
			.isEqualByComparingTo("5000");
		assertThat(this.http.get("/api/v1/reports/summary.csv?village=" + village).body())
			.contains("riskGroup:MARGINAL,2,RPT-1;RPT-2");
	}

	@Test
	void theSummaryDrawsIncomesAgainstTheThresholdInForceOnTheLatestDateItCounts() {
		String village = "threshold-village";
		JsonNode newer = store(profile("THR-1", "2025-06-01", 5000, 0).replace("董村", village));
		JsonNode older = store(profile("THR-2", "2024-06-01", 5000, 0).replace("董村", village));
		assertThat(newer.get("income").get("threshold").decimalValue())
			.isNotEqualByComparingTo(older.get("income").get("threshold").decimalValue());
		JsonNode summary = this.http.get("/api/v1/reports/summary?village=" + village).json();
		assertThat(summary.get("income").get("threshold").decimalValue())
			.isEqualByComparingTo(newer.get("income").get("threshold").decimalValue());
	}

	@Test
	void theMonthlySeriesCountsEveryHouseholdByItsAssessmentInForceAndDrillsDownToIt() {
		String village = "series-village";
		// SER-1 is marginal from January and lifted above the line in March
		String january = store(profile("SER-1", "2025-01-15", 5000, 0).replace("董村", village)).get("id").asString();
		assertThat(this.http.get("/api/v1/assessments/" + january).json().get("riskGroup").asString())
			.isEqualTo("MARGINAL");
		JsonNode march = store(profile("SER-1", "2025-03-10", 30000, 0).replace("董村", village));
		assertThat(march.get("riskGroup").asString()).isEqualTo("NOT_AT_RISK");
		// SER-2 is not at risk from February
		String second = store(profile("SER-2", "2025-02-01", 30000, 0).replace("董村", village)).get("id").asString();
		// SER-3 was stored as marginal by mistake and corrected: the corrected assessment never counts
		JsonNode mistake = store(profile("SER-3", "2025-02-20", 5000, 0).replace("董村", village));
		assertThat(mistake.get("riskGroup").asString()).isEqualTo("MARGINAL");
		Response corrected = this.http.postJson("/api/v1/assessments?supersedes=" + mistake.get("id").asString(),
				profile("SER-3", "2025-02-20", 30000, 0).replace("董村", village));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
		assertThat(corrected.json().get("riskGroup").asString()).isEqualTo("NOT_AT_RISK");
		// SER-4 lived elsewhere until it moved into the village in March
		store(profile("SER-4", "2025-01-01", 5000, 0).replace("董村", "series-elsewhere"));
		String moved = store(profile("SER-4", "2025-03-01", 5000, 0).replace("董村", village)).get("id").asString();

		JsonNode series = this.http.get("/api/v1/reports/series?village=" + village + "&from=2025-01-05&to=2025-04-15")
			.json();
		assertThat(series.get("from").asString()).isEqualTo("2025-01-01");
		assertThat(series.get("to").asString()).isEqualTo("2025-04-15");
		List<String> months = new ArrayList<>();
		List<String> days = new ArrayList<>();
		series.get("months").forEach((month) -> {
			months.add(month.get("month").asString());
			days.add(month.get("on").asString());
		});
		assertThat(months).containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
		assertThat(days).containsExactly("2025-01-31", "2025-02-28", "2025-03-31", "2025-04-15");
		JsonNode catalogue = this.http.get("/api/v1/catalogue").json();
		List<String> groups = new ArrayList<>();
		catalogue.get("riskGroups").forEach((group) -> groups.add(group.get("code").asString()));
		series.get("months").forEach((month) -> {
			List<String> listed = new ArrayList<>();
			month.get("riskGroup").forEach((figure) -> listed.add(figure.get("code").asString()));
			assertThat(listed).as("every risk group, zero counts included").isEqualTo(groups);
		});

		assertThat(behind(series, 0, "households")).containsExactly("SER-1");
		assertThat(behind(series, 0, "MARGINAL")).containsExactly("SER-1");
		assertThat(behind(series, 1, "households")).containsExactly("SER-1", "SER-2", "SER-3");
		assertThat(behind(series, 1, "MARGINAL")).containsExactly("SER-1");
		assertThat(behind(series, 1, "NOT_AT_RISK")).containsExactly("SER-2", "SER-3");
		for (int month : new int[] { 2, 3 }) {
			assertThat(behind(series, month, "households")).containsExactly("SER-1", "SER-2", "SER-3", "SER-4");
			assertThat(behind(series, month, "MARGINAL")).containsExactly("SER-4");
			assertThat(behind(series, month, "NOT_AT_RISK")).containsExactly("SER-1", "SER-2", "SER-3");
			assertThat(behind(series, month, "UNSTABLE_LIFTED")).isEmpty();
		}
		// each household is listed with the assessment it is counted by on that day
		JsonNode february = this.http.get(find(series.get("months").get(1).get("riskGroup"), "MARGINAL").get("href")
			.asString()).json();
		assertThat(february.get("households").get(0).get("assessmentId").asString()).isEqualTo(january);
		assertThat(february.get("households").get(0).get("asOf").asString()).isEqualTo("2025-01-15");
		JsonNode april = this.http.get(series.get("months").get(3).get("households").get("href").asString()).json();
		List<String> counted = new ArrayList<>();
		april.get("households").forEach((household) -> counted.add(household.get("assessmentId").asString()));
		assertThat(counted).containsExactly(march.get("id").asString(), second, corrected.json().get("id").asString(),
				moved);

		// without from, the series starts with the region's earliest asOf (SER-4's January was elsewhere)
		JsonNode open = this.http.get("/api/v1/reports/series?village=" + village).json();
		assertThat(open.get("months").get(0).get("month").asString()).isEqualTo("2025-01");
		assertThat(open.get("from").asString()).isEqualTo("2025-01-01");
		JsonNode last = open.get("months").get(open.get("months").size() - 1);
		assertThat(last.get("on").asString()).isEqualTo(open.get("to").asString());
		assertThat(last.get("households").get("count").intValue()).isEqualTo(4);

		Response backwards = this.http.get("/api/v1/reports/series?village=" + village + "&from=2025-05-01&to=2025-04-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("detail").asString()).contains("from");
		assertThat(this.http.get("/api/v1/reports/series?from=2000-01-01&to=2010-01-01").status()).isEqualTo(400);
	}

	/** The households a figure of one month of the series links to, checked against its count. */
	private List<String> behind(JsonNode series, int month, String figure) {
		JsonNode counted = figure.equals("households") ? series.get("months").get(month).get("households")
				: find(series.get("months").get(month).get("riskGroup"), figure);
		JsonNode drill = this.http.get(counted.get("href").asString()).json();
		List<String> ids = new ArrayList<>();
		drill.get("households").forEach((household) -> ids.add(household.get("householdId").asString()));
		assertThat(ids).as(figure + " in month " + month).hasSize(counted.get("count").intValue());
		assertThat(drill.get("count").intValue()).isEqualTo(counted.get("count").intValue());
		return ids;
	}

	private JsonNode store(String profile) {
		Response response = this.http.postJson("/api/v1/assessments", profile);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private Response transition(String caseId, String to, String date, String reason) {
		return this.http.postJson("/api/v1/cases/" + caseId + "/transitions", "{\"to\": \"" + to + "\", \"date\": \""
				+ date + "\"" + ((reason != null) ? ", \"reason\": \"" + reason + "\"" : "") + "}");
	}

	private JsonNode cases(String household) {
		return this.http.get("/api/v1/households/" + household + "/cases").json();
	}

	private JsonNode watchlist(String since) {
		return this.http.get("/api/v1/watchlist?county=%E5%BF%BB%E5%BA%9C%E5%8C%BA&since=" + since).json();
	}

	private static List<String> reasons(JsonNode watch, String household) {
		List<String> kinds = new ArrayList<>();
		watch.get("households").forEach((entry) -> {
			if (entry.get("householdId").asString().equals(household)) {
				entry.get("reasons").forEach((reason) -> kinds.add(reason.get("kind").asString()));
			}
		});
		return kinds;
	}

	private static JsonNode find(JsonNode list, String code) {
		for (JsonNode item : list) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError(code + " not in " + list);
	}

	private static String profile(String id, String asOf, int wages, int medical) {
		return """
				{"householdId": "%s", "asOf": "%s", "povertyStatus": "NEVER_POOR",
				 "region": {"province": "山西省", "city": "忻州市", "county": "忻府区", "township": "豆罗镇", "village": "董村"},
				 "members": [{"relation": "HEAD", "age": 45, "laborCapacity": "FULL", "employment": "LOCAL_WAGE"}],
				 "income": {"wages": %d}, "expenses": {"medicalOutOfPocket": %d}}""".formatted(id, asOf, wages, medical);
	}

}
