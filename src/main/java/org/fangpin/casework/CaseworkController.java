package org.fangpin.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.ruleset.ActiveRuleSet;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Cases, department alerts, the watch list and the summary report over HTTP. */
@RestController
class CaseworkController {

	private static final String NDJSON_VALUE = "application/x-ndjson";

	private static final MediaType NDJSON = MediaType.parseMediaType(NDJSON_VALUE);

	private static final String PROBLEM = "application/problem+json";

	private static final String CASEWORK = "Casework";

	private static final String OVERSIGHT = "Oversight";

	private static final String CASE_ID = "The case's id";

	private static final String CASE_ID_EXAMPLE = "5b0c3f6e-2f7a-4d1b-9a57-0c1e8f3d2a44";

	private static final String COUNTY = "Only households whose latest profile is in this county (region.county)";

	private static final String TOWNSHIP = "Only households whose latest profile is in this township "
			+ "(region.township)";

	private static final String VILLAGE = "Only households whose latest profile is in this village (region.village)";

	private static final String BAD_QUERY = "A date is not an ISO-8601 date";

	private static final String ATTACHMENT = "attachment, with the file name ";

	private static final String HREF_EXAMPLE = "/api/v1/reports/households?figure=riskGroup%3AMARGINAL"
			+ "&village=%E8%91%A3%E6%9D%91&from=2000-01-01&to=2025-12-31";

	private final CaseService cases;

	private final DepartmentAlerts alerts;

	private final Oversight oversight;

	private final ActiveRuleSet rules;

	private final JsonRequests requests;

	CaseworkController(CaseService cases, DepartmentAlerts alerts, Oversight oversight, ActiveRuleSet rules,
			JsonRequests requests) {
		this.cases = cases;
		this.alerts = alerts;
		this.oversight = oversight;
		this.rules = rules;
		this.requests = requests;
	}

	@GetMapping("/api/v1/households/{householdId}/cases")
	@Operation(operationId = "householdCases", tags = CASEWORK, summary = "List a household's cases",
			description = "Newest first, each with its transitions and measures. A household without cases has "
					+ "none.")
	@ApiResponse(responseCode = "200", description = "The household's cases, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = HouseholdCase.class))))
	List<HouseholdCase> casesOf(@Parameter(description = "The household's id", example = "140902-017-0031")
	@PathVariable String householdId) {
		return this.cases.casesOf(householdId);
	}

	@GetMapping("/api/v1/cases/{id}")
	@Operation(operationId = "findCase", tags = CASEWORK, summary = "Read a case",
			description = "The case with its transitions and the measures applied.")
	@ApiResponse(responseCode = "200", description = "The case",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HouseholdCase.class)))
	@ApiResponse(responseCode = "404", description = "No case has this id (casework-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	HouseholdCase find(@Parameter(description = CASE_ID, example = CASE_ID_EXAMPLE) @PathVariable String id) {
		return this.cases.find(id);
	}

	/** Body: {@code {"to": "IDENTIFIED", "date": "2025-03-01", "reason": "…"}}. */
	@PostMapping(path = "/api/v1/cases/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "transitionCase", tags = CASEWORK, summary = "Move a case to another state",
			description = "Records a change of state that the case's state allows (see CaseState). NOT_INCLUDED "
					+ "needs a reason; ELIMINATED needs the household's latest assessment to pass its "
					+ "risk-elimination check.")
	@ApiResponse(responseCode = "200", description = "The case after the change",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HouseholdCase.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or a field is "
			+ "missing or wrong (casework-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No case has this id (casework-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "409", description = "The case's state does not allow the move, or an elimination "
			+ "is refused: unmet lists the clauses the latest assessment does not meet (casework-conflict)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	HouseholdCase transition(@Parameter(description = CASE_ID, example = CASE_ID_EXAMPLE) @PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The change",
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CaseworkDocuments.TransitionRequest.class),
							examples = @ExampleObject(name = "identified", summary = "Identified within the deadline",
									value = "{\"to\": \"IDENTIFIED\", \"date\": \"2025-03-10\", "
											+ "\"reason\": \"confirmed by the village committee\"}")))
			@RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		String to = text(json, "to", true);
		CaseState state;
		try {
			state = CaseState.valueOf(to);
		}
		catch (IllegalArgumentException ex) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "to-unknown",
					java.util.Arrays.toString(CaseState.values()));
		}
		return this.cases.transition(id, state, date(json, "date"), text(json, "reason", false), who(principal));
	}

	/** Body: {@code {"code": "MEDICAL_ASSISTANCE", "date": "2025-03-01", "amount": 1200}}. */
	@PostMapping(path = "/api/v1/cases/{id}/measures", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "applyMeasure", tags = CASEWORK,
			summary = "Record a measure applied to a case's household",
			description = "Records a measure actually applied. Only identified or assisted cases take measures; an "
					+ "identified case becomes ASSISTED.")
	@ApiResponse(responseCode = "200", description = "The case after the measure",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HouseholdCase.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or a field is "
			+ "missing or wrong: an unknown measure code, a bad date or amount (casework-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No case has this id (casework-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "409", description = "The case is neither identified nor assisted "
			+ "(casework-conflict)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	HouseholdCase applyMeasure(@Parameter(description = CASE_ID, example = CASE_ID_EXAMPLE) @PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The measure",
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CaseworkDocuments.MeasureRequest.class),
							examples = @ExampleObject(name = "medicalAssistance", summary = "Medical assistance paid",
									value = "{\"code\": \"MEDICAL_ASSISTANCE\", \"date\": \"2025-03-15\", "
											+ "\"amount\": 8000}")))
			@RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		String code = text(json, "code", true);
		if (!this.rules.ruleSet().measureCodes().contains(code)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "code-unknown",
					this.rules.ruleSet().measureCodes());
		}
		JsonNode amount = json.get("amount");
		if (amount != null && !amount.isNull() && !amount.isNumber()) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "amount-type");
		}
		return this.cases.applyMeasure(id, code, date(json, "date"),
				(amount != null && amount.isNumber()) ? amount.decimalValue() : null, who(principal));
	}

	@PostMapping(path = "/api/v1/alerts", consumes = { NDJSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "receiveDepartmentAlerts", tags = CASEWORK,
			summary = "Apply alerts from other departments",
			description = "Reads one alert record a line (NDJSON, UTF-8). Each record changes the household's latest "
					+ "profile as its kind says, and the changed profile is assessed on the alert's date and stored "
					+ "with the alert as its cause (which may open a case). The answer streams one line a record, in "
					+ "order: the new assessment, or a problem for that record alone. The status is 200 whatever "
					+ "the records.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "Alert records, one JSON object a line",
					content = {
							@Content(mediaType = NDJSON_VALUE,
									schema = @Schema(implementation = CaseworkDocuments.Alert.class)),
							@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
									schema = @Schema(implementation = CaseworkDocuments.Alert.class)) }))
	@ApiResponse(responseCode = "200", description = "One result a record, one JSON object a line (NDJSON)",
			content = @Content(mediaType = NDJSON_VALUE,
					schema = @Schema(implementation = CaseworkDocuments.AlertResult.class)))
	@ApiResponse(responseCode = "415", description = "The body is neither application/x-ndjson nor text/plain",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<StreamingResponseBody> receiveAlerts(HttpServletRequest request, Principal principal)
			throws java.io.IOException {
		java.io.InputStream in = request.getInputStream();
		String by = who(principal);
		return ResponseEntity.ok().contentType(NDJSON).body((out) -> this.alerts.receive(in, out, by));
	}

	@GetMapping("/api/v1/watchlist")
	@Operation(operationId = "watchlist", summary = "List the households to watch in a region", tags = OVERSIGHT,
			description = "Every household of the region, by its latest assessment, that has early-warning alerts, "
					+ "was newly signalled since the given date, or whose identification is overdue, with every "
					+ "reason.")
	@ApiResponse(responseCode = "200", description = "The watch list",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = WatchlistView.class)))
	@ApiResponse(responseCode = "400", description = BAD_QUERY,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	WatchlistView watchlist(
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "Newly monitored means signalled on or after this date (ISO-8601); 30 days "
					+ "ago when absent", example = "2025-02-15")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
		LocalDate from = (since != null) ? since : this.cases.today().minusDays(30);
		return new WatchlistView(new Oversight.Region(county, township, village), from,
				this.oversight.watchlist(new Oversight.Region(county, township, village), from));
	}

	@GetMapping("/api/v1/watchlist.csv")
	@Operation(operationId = "watchlistCsv", summary = "Export the watch list of a region as CSV", tags = OVERSIGHT,
			description = "The watch list as an attachment (UTF-8, comma-separated, a header row first), one "
					+ "household a row; reasons and alerts are joined with ; and an absent value is null.")
	@ApiResponse(responseCode = "200", description = "The watch list as CSV",
			headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = ATTACHMENT + "watchlist.csv",
					schema = @Schema(type = "string", example = "attachment; filename=\"watchlist.csv\"")),
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
					description = "The columns householdId, reasons, details, riskGroup, alerts, assessmentId, asOf, "
							+ "caseId, caseState and identificationDue",
					example = "householdId,reasons,details,riskGroup,alerts,assessmentId,asOf,caseId,caseState,"
							+ "identificationDue\nCASE-NEAR,ALERT;IDENTIFICATION_OVERDUE,\"early-warning alerts "
							+ "NEAR_THRESHOLD; signalled on 2025-02-01, identification was due by 2025-02-16\","
							+ "NOT_AT_RISK,NEAR_THRESHOLD,01a22c10-17e6-7c55-bf00-db3119df4cb9,2025-02-01,"
							+ "5b0c3f6e-2f7a-4d1b-9a57-0c1e8f3d2a44,SIGNALLED,2025-02-16\n")))
	@ApiResponse(responseCode = "400", description = BAD_QUERY,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<byte[]> watchlistCsv(
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "Newly monitored means signalled on or after this date (ISO-8601); 30 days "
					+ "ago when absent", example = "2025-02-15")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
		LocalDate from = (since != null) ? since : this.cases.today().minusDays(30);
		StringBuilder csv = new StringBuilder("householdId,reasons,details,riskGroup,alerts,assessmentId,asOf,caseId,caseState,identificationDue\n");
		for (Oversight.WatchEntry entry : this.oversight.watchlist(new Oversight.Region(county, township, village),
				from)) {
			csv.append(String.join(",", List.of(entry.householdId(),
					String.join(";", entry.reasons().stream().map(Oversight.Reason::kind).toList()),
					quote(String.join("; ", entry.reasons().stream().map(Oversight.Reason::detail).toList())),
					String.valueOf(entry.riskGroup()), String.join(";", entry.alerts()), entry.assessmentId(),
					String.valueOf(entry.asOf()), String.valueOf(entry.caseId()), String.valueOf(entry.caseState()),
					String.valueOf(entry.identificationDue()))))
				.append('\n');
		}
		return csv("watchlist.csv", csv);
	}

	@GetMapping("/api/v1/reports/summary")
	@Operation(operationId = "summaryReport", summary = "Summarise a region", tags = OVERSIGHT,
			description = "Counts of the region's households by their latest assessment (asOf between from and to): "
					+ "by risk group, risk type, tier, case state, measure recommended and applied, and per-capita "
					+ "income band, with the eliminated and the overdue. Every figure links (href) to the "
					+ "households behind it, so that no household hides in a count.")
	@ApiResponse(responseCode = "200", description = "The summary",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SummaryView.class)))
	@ApiResponse(responseCode = "400", description = BAD_QUERY,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	SummaryView summary(
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "Only households whose latest assessment's asOf is on or after this date "
					+ "(ISO-8601); 2000-01-01 when absent", example = "2025-01-01")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Only households whose latest assessment's asOf is on or before this date "
					+ "(ISO-8601); today when absent", example = "2025-12-31")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		Map<String, List<CodeFigure>> lists = new java.util.HashMap<>();
		for (String kind : List.of("riskGroup", "riskType", "tier", "caseState", "measureRecommended",
				"measureApplied", "incomeBand")) {
			List<CodeFigure> list = new ArrayList<>();
			summary.figures().keySet().stream().filter((key) -> key.startsWith(kind + ":")).forEach((key) -> {
				Figure figure = figure(summary, key);
				list.add(new CodeFigure(key.substring(kind.length() + 1), figure.count(), figure.href()));
			});
			lists.put(kind, list);
		}
		return new SummaryView(summary.region(), summary.from(), summary.to(), figure(summary, "households"),
				lists.get("riskGroup"), lists.get("riskType"), lists.get("tier"), lists.get("caseState"),
				lists.get("measureRecommended"), lists.get("measureApplied"), lists.get("incomeBand"),
				figure(summary, "eliminated"), figure(summary, "identificationOverdue"),
				new IncomeView(summary.threshold(), summary.incomeQuantiles()));
	}

	@GetMapping("/api/v1/reports/summary.csv")
	@Operation(operationId = "summaryReportCsv", summary = "Export the figures of a region's summary as CSV",
			tags = OVERSIGHT,
			description = "Every figure of the summary as an attachment (UTF-8, comma-separated, a header row "
					+ "first), one a row: its key (riskGroup:MARGINAL, eliminated …), its count and its households "
					+ "joined with ;.")
	@ApiResponse(responseCode = "200", description = "The figures as CSV",
			headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = ATTACHMENT + "summary.csv",
					schema = @Schema(type = "string", example = "attachment; filename=\"summary.csv\"")),
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
					description = "The columns figure, count and households",
					example = "figure,count,households\nhouseholds,2,RPT-1;RPT-2\nriskGroup:MARGINAL,2,RPT-1;RPT-2\n")))
	@ApiResponse(responseCode = "400", description = BAD_QUERY,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<byte[]> summaryCsv(
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "Only households whose latest assessment's asOf is on or after this date "
					+ "(ISO-8601); 2000-01-01 when absent", example = "2025-01-01")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Only households whose latest assessment's asOf is on or before this date "
					+ "(ISO-8601); today when absent", example = "2025-12-31")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		StringBuilder csv = new StringBuilder("figure,count,households\n");
		summary.figures().forEach((key, households) -> csv.append(key).append(',').append(households.size())
			.append(',').append(String.join(";", households)).append('\n'));
		return csv("summary.csv", csv);
	}

	/** The households behind one figure of the summary. */
	@GetMapping("/api/v1/reports/households")
	@Operation(operationId = "summaryReportHouseholds", summary = "List the households behind a figure of the summary",
			tags = OVERSIGHT,
			description = "The households counted in one figure of the summary, with their latest assessment. The "
					+ "summary's href links give the figure and the summary's region and dates; an unknown figure "
					+ "has no households.")
	@ApiResponse(responseCode = "200", description = "The households behind the figure",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = FigureHouseholdsView.class)))
	@ApiResponse(responseCode = "400", description = "figure is missing, or a date is not an ISO-8601 date",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	FigureHouseholdsView households(
			@Parameter(description = "The figure's key: households, eliminated, identificationOverdue, or a kind and "
					+ "a code such as riskGroup:MARGINAL or incomeBand:5000-6000", example = "riskGroup:MARGINAL")
			@RequestParam String figure,
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "Only households whose latest assessment's asOf is on or after this date "
					+ "(ISO-8601); 2000-01-01 when absent", example = "2025-01-01")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Only households whose latest assessment's asOf is on or before this date "
					+ "(ISO-8601); today when absent", example = "2025-12-31")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		List<String> households = summary.figures().getOrDefault(figure, List.of());
		return new FigureHouseholdsView(figure, households.size(), households.stream().map((household) -> {
			StoredAssessment latest = summary.latest().get(household);
			return (latest != null) ? household(latest)
					: new FigureHousehold(household, null, null, null, null, null, null);
		}).toList());
	}

	@GetMapping("/api/v1/reports/series")
	@Operation(operationId = "seriesReport", summary = "Count a region's households by risk group month by month",
			tags = OVERSIGHT,
			description = "For each month from the month of from to the month of to, the region's households on the "
					+ "month's last day (on to, for a last month that ends later), each counted by its assessment in "
					+ "force that day: the one with the latest asOf on or before it (the last stored when several "
					+ "share that asOf; an assessment a correction supersedes never counts), when that assessment is "
					+ "in the region. Every count links (href) to the households behind it. At most "
					+ Oversight.MAX_MONTHS + " months.")
	@ApiResponse(responseCode = "200", description = "The series",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SeriesView.class)))
	@ApiResponse(responseCode = "400", description = "A date is not an ISO-8601 date, from is after to, or the "
			+ "series would cover more than " + Oversight.MAX_MONTHS + " months (casework-invalid)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	SeriesView series(
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "The series starts with this date's month (ISO-8601); when absent, with the "
					+ "month of the region's earliest asOf, at most " + Oversight.MAX_MONTHS + " months before to",
					example = "2025-01-01")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "The series ends with this date's month, counted on this date (ISO-8601); today "
					+ "when absent", example = "2025-12-31")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Region region = new Oversight.Region(county, township, village);
		Oversight.Series series = this.oversight.series(region, from, (to != null) ? to : this.cases.today());
		List<String> groups = new ArrayList<>();
		this.rules.ruleSet().catalogue().section("riskGroups").forEach((entry) -> groups.add(entry.code()));
		series.months().forEach((month) -> month.figures().keySet().forEach((key) -> {
			if (key.startsWith("riskGroup:") && !groups.contains(key.substring("riskGroup:".length()))) {
				groups.add(key.substring("riskGroup:".length()));
			}
		}));
		return new SeriesView(region, series.from(), series.to(), series.months().stream().map((month) -> {
			Figure households = seriesFigure(region, month, "households");
			return new SeriesMonthView(month.month().toString(), month.on(), households, groups.stream().map((group) -> {
				Figure figure = seriesFigure(region, month, "riskGroup:" + group);
				return new CodeFigure(group, figure.count(), figure.href());
			}).toList());
		}).toList());
	}

	/** The households behind one count of the series. */
	@GetMapping("/api/v1/reports/series/households")
	@Operation(operationId = "seriesReportHouseholds", summary = "List the households behind a count of the series",
			tags = OVERSIGHT,
			description = "The region's households on a date, each with its assessment in force that day (as in the "
					+ "series), that one figure counts: households (all of them) or riskGroup:{code}. The series' "
					+ "href links give the figure, the region and the date; an unknown figure has no households.")
	@ApiResponse(responseCode = "200", description = "The households behind the count",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = FigureHouseholdsView.class)))
	@ApiResponse(responseCode = "400", description = "figure is missing, or on is not an ISO-8601 date",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	FigureHouseholdsView seriesHouseholds(
			@Parameter(description = "The figure's key: households, or riskGroup and a code such as "
					+ "riskGroup:MARGINAL", example = "riskGroup:MARGINAL") @RequestParam String figure,
			@Parameter(description = COUNTY, example = "忻府区") @RequestParam(required = false) String county,
			@Parameter(description = TOWNSHIP, example = "豆罗镇") @RequestParam(required = false) String township,
			@Parameter(description = VILLAGE, example = "董村") @RequestParam(required = false) String village,
			@Parameter(description = "The day the households are counted on (ISO-8601); today when absent",
					example = "2025-03-31")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		List<StoredAssessment> behind = this.oversight.inForce(new Oversight.Region(county, township, village),
				(on != null) ? on : this.cases.today(), figure);
		return new FigureHouseholdsView(figure, behind.size(), behind.stream().map(CaseworkController::household)
			.toList());
	}

	private static FigureHousehold household(StoredAssessment assessment) {
		JsonNode region = assessment.profile().get("region");
		return new FigureHousehold(assessment.evaluation().householdId(), assessment.id().toString(),
				assessment.evaluation().asOf(), assessment.evaluation().riskGroup(),
				assessment.evaluation().assistanceTier(), assessment.evaluation().income().perCapitaNetIncome(),
				(region != null && region.get("village") != null) ? region.get("village").asString() : null);
	}

	private static Figure seriesFigure(Oversight.Region region, Oversight.SeriesMonth month, String key) {
		StringBuilder href = new StringBuilder("/api/v1/reports/series/households?figure=").append(encode(key));
		append(href, "county", region.county());
		append(href, "township", region.township());
		append(href, "village", region.village());
		append(href, "on", month.on().toString());
		return new Figure(month.figures().getOrDefault(key, List.of()).size(), href.toString());
	}

	private Oversight.Summary compute(String county, String township, String village, LocalDate from, LocalDate to) {
		return this.oversight.summary(new Oversight.Region(county, township, village),
				(from != null) ? from : LocalDate.of(2000, 1, 1), (to != null) ? to : this.cases.today());
	}

	private static Figure figure(Oversight.Summary summary, String key) {
		StringBuilder href = new StringBuilder("/api/v1/reports/households?figure=").append(encode(key));
		Oversight.Region region = summary.region();
		append(href, "county", region.county());
		append(href, "township", region.township());
		append(href, "village", region.village());
		append(href, "from", summary.from().toString());
		append(href, "to", summary.to().toString());
		return new Figure(summary.figures().getOrDefault(key, List.of()).size(), href.toString());
	}

	private static void append(StringBuilder href, String name, String value) {
		if (value != null) {
			href.append('&').append(name).append('=').append(encode(value));
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static ResponseEntity<byte[]> csv(String name, StringBuilder csv) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String text(JsonNode json, String field, boolean required) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw new CaseworkException(CaseworkException.Kind.INVALID, "field-required", field);
			}
			return null;
		}
		if (!value.isString()) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "field-string", field);
		}
		return value.stringValue();
	}

	private static LocalDate date(JsonNode json, String field) {
		String text = text(json, field, false);
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "field-date", field);
		}
	}

	private static String who(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

	@Schema(name = "Watchlist", description = "The households to watch in a region, each with every reason")
	record WatchlistView(
			@Schema(description = "The region asked for", requiredMode = RequiredMode.REQUIRED) Oversight.Region region,
			@Schema(description = "The date from which a household counts as newly monitored", example = "2025-02-15",
					requiredMode = RequiredMode.REQUIRED) LocalDate since,
			@ArraySchema(arraySchema = @Schema(description = "The households to watch",
					requiredMode = RequiredMode.REQUIRED)) List<Oversight.WatchEntry> households) {

	}

	@Schema(name = "Summary", description = "A region's households counted by their latest assessment, every figure "
			+ "with a link to the households behind it. Lists are in code order and hold only codes with households")
	record SummaryView(
			@Schema(description = "The region asked for", requiredMode = RequiredMode.REQUIRED) Oversight.Region region,
			@Schema(description = "The first asOf counted", example = "2000-01-01",
					requiredMode = RequiredMode.REQUIRED) LocalDate from,
			@Schema(description = "The last asOf counted", example = "2025-12-31",
					requiredMode = RequiredMode.REQUIRED) LocalDate to,
			@Schema(description = "Every household counted", requiredMode = RequiredMode.REQUIRED) Figure households,
			@ArraySchema(arraySchema = @Schema(description = "Households by risk group",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> riskGroup,
			@ArraySchema(arraySchema = @Schema(description = "Households by risk type (a household may have several)",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> riskType,
			@ArraySchema(arraySchema = @Schema(description = "Households by assistance tier",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> tier,
			@ArraySchema(arraySchema = @Schema(description = "Households by the state of their latest case",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> caseState,
			@ArraySchema(arraySchema = @Schema(description = "Households by measure recommended",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> measureRecommended,
			@ArraySchema(arraySchema = @Schema(description = "Households by measure applied between from and to",
					requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> measureApplied,
			@ArraySchema(arraySchema = @Schema(description = "Monitored households by per-capita net income, in "
					+ "1,000-yuan bands (5000-6000; <0 below zero)", requiredMode = RequiredMode.REQUIRED))
			List<CodeFigure> incomeBand,
			@Schema(description = "Households whose case was eliminated between from and to",
					requiredMode = RequiredMode.REQUIRED) Figure eliminated,
			@Schema(description = "Households whose latest case is still SIGNALLED after its identification date",
					requiredMode = RequiredMode.REQUIRED) Figure identificationOverdue,
			@Schema(description = "The income of the monitored households", requiredMode = RequiredMode.REQUIRED)
			IncomeView income) {

	}

	@Schema(name = "Series", description = "A region's households counted by risk group month by month, each "
			+ "household by its assessment in force on the day a month is counted; every count with a link to the "
			+ "households behind it")
	record SeriesView(
			@Schema(description = "The region asked for", requiredMode = RequiredMode.REQUIRED) Oversight.Region region,
			@Schema(description = "The first day of the first month", example = "2025-01-01",
					requiredMode = RequiredMode.REQUIRED) LocalDate from,
			@Schema(description = "The day the last month is counted on", example = "2025-12-31",
					requiredMode = RequiredMode.REQUIRED) LocalDate to,
			@ArraySchema(arraySchema = @Schema(description = "The months, oldest first, every one from from to to",
					requiredMode = RequiredMode.REQUIRED)) List<SeriesMonthView> months) {

	}

	@Schema(name = "SeriesMonth", description = "One month of the series: the region's households on the day it is "
			+ "counted on, in all and by risk group")
	record SeriesMonthView(
			@Schema(description = "The month (ISO-8601 year and month)", example = "2025-03",
					pattern = "^\\d{4}-\\d{2}$", requiredMode = RequiredMode.REQUIRED) String month,
			@Schema(description = "The day the month is counted on: its last day, or to for a last month that ends "
					+ "later", example = "2025-03-31", requiredMode = RequiredMode.REQUIRED) LocalDate on,
			@Schema(description = "Every household counted that day", requiredMode = RequiredMode.REQUIRED)
			Figure households,
			@ArraySchema(arraySchema = @Schema(description = "Households by the risk group of their assessment in "
					+ "force: every risk group of the catalogue in its order, with zero counts, then any other code "
					+ "found", requiredMode = RequiredMode.REQUIRED)) List<CodeFigure> riskGroup) {

	}

	@Schema(name = "SummaryFigure", description = "A count of households and where to list them")
	record Figure(
			@Schema(description = "How many households", example = "2", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int count,
			@Schema(description = "GET this to list the households behind the count", example = HREF_EXAMPLE,
					format = "uri-reference", requiredMode = RequiredMode.REQUIRED) String href) {

	}

	@Schema(name = "SummaryCodeFigure", description = "A count of the households with one code, and where to list them")
	record CodeFigure(
			@Schema(description = "The code: a risk group, risk type, tier, case state or measure, or an income band",
					example = "MARGINAL", requiredMode = RequiredMode.REQUIRED) String code,
			@Schema(description = "How many households", example = "2", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int count,
			@Schema(description = "GET this to list the households behind the count", example = HREF_EXAMPLE,
					format = "uri-reference", requiredMode = RequiredMode.REQUIRED) String href) {

	}

	@Schema(name = "SummaryIncome", description = "The per-capita net income of the monitored households")
	record IncomeView(
			@Schema(description = "The monitoring threshold, in yuan, of the monitored household assessed on the "
					+ "latest asOf counted (the threshold in force at the end of the report); null when no household "
					+ "is monitored", example = "7400", types = { "number", "null" },
					requiredMode = RequiredMode.REQUIRED) BigDecimal threshold,
			@Schema(description = "Quantiles of their per-capita net income; empty when no household is monitored",
					implementation = CaseworkDocuments.IncomeQuantiles.class, requiredMode = RequiredMode.REQUIRED)
			Map<String, BigDecimal> quantilesOfMonitored) {

	}

	@Schema(name = "SummaryHouseholds", description = "The households behind one figure of the summary or of the "
			+ "series")
	record FigureHouseholdsView(
			@Schema(description = "The figure, as asked for", example = "riskGroup:MARGINAL",
					requiredMode = RequiredMode.REQUIRED) String figure,
			@Schema(description = "How many households", example = "2", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int count,
			@ArraySchema(arraySchema = @Schema(description = "The households, by id",
					requiredMode = RequiredMode.REQUIRED)) List<FigureHousehold> households) {

	}

	@Schema(name = "SummaryHousehold", description = "A household behind a figure, with the assessment it is counted "
			+ "by: its latest in the summary, the one in force on the day in the series")
	record FigureHousehold(
			@Schema(description = "The household's id", example = "RPT-1", requiredMode = RequiredMode.REQUIRED)
			String householdId,
			@Schema(description = "The id of the assessment it is counted by",
					example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", format = "uuid",
					requiredMode = RequiredMode.REQUIRED) String assessmentId,
			@Schema(description = "The asOf of the assessment it is counted by", example = "2025-06-01",
					requiredMode = RequiredMode.REQUIRED) LocalDate asOf,
			@Schema(description = "Its risk group, a code of the catalogue's riskGroups", example = "MARGINAL",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@Schema(description = "Its assistance tier, a code of the catalogue's tiers; null for NOT_AT_RISK",
					example = "DEVELOPMENT", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED,
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "tiers")))
			String assistanceTier,
			@Schema(description = "Its per-capita net income, in yuan", example = "5000.00",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED) BigDecimal perCapitaNetIncome,
			@Schema(description = "Its village, from the profile of that assessment; null when the profile has none",
					example = "董村", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED)
			String village) {

	}

}
