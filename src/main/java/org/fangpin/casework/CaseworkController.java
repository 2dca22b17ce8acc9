package org.fangpin.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.ruleset.ActiveRuleSet;
import org.fangpin.web.JsonRequests;
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

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

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
	List<HouseholdCase> casesOf(@PathVariable String householdId) {
		return this.cases.casesOf(householdId);
	}

	@GetMapping("/api/v1/cases/{id}")
	HouseholdCase find(@PathVariable String id) {
		return this.cases.find(id);
	}

	/** Body: {@code {"to": "IDENTIFIED", "date": "2025-03-01", "reason": "…"}}. */
	@PostMapping(path = "/api/v1/cases/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	HouseholdCase transition(@PathVariable String id, @RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		String to = text(json, "to", true);
		CaseState state;
		try {
			state = CaseState.valueOf(to);
		}
		catch (IllegalArgumentException ex) {
			throw new CaseworkException(CaseworkException.Kind.INVALID,
					"to must be one of " + java.util.Arrays.toString(CaseState.values()));
		}
		return this.cases.transition(id, state, date(json, "date"), text(json, "reason", false), who(principal));
	}

	/** Body: {@code {"code": "MEDICAL_ASSISTANCE", "date": "2025-03-01", "amount": 1200}}. */
	@PostMapping(path = "/api/v1/cases/{id}/measures", consumes = MediaType.APPLICATION_JSON_VALUE)
	HouseholdCase applyMeasure(@PathVariable String id, @RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		String code = text(json, "code", true);
		if (!this.rules.ruleSet().measureCodes().contains(code)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID,
					"code must be one of " + this.rules.ruleSet().measureCodes());
		}
		JsonNode amount = json.get("amount");
		if (amount != null && !amount.isNull() && !amount.isNumber()) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "amount must be a number of yuan");
		}
		return this.cases.applyMeasure(id, code, date(json, "date"),
				(amount != null && amount.isNumber()) ? amount.decimalValue() : null, who(principal));
	}

	@PostMapping(path = "/api/v1/alerts", consumes = { "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<StreamingResponseBody> receiveAlerts(HttpServletRequest request, Principal principal)
			throws java.io.IOException {
		java.io.InputStream in = request.getInputStream();
		String by = who(principal);
		return ResponseEntity.ok().contentType(NDJSON).body((out) -> this.alerts.receive(in, out, by));
	}

	@GetMapping("/api/v1/watchlist")
	Map<String, Object> watchlist(@RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
		LocalDate from = (since != null) ? since : this.cases.today().minusDays(30);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("region", new Oversight.Region(county, township, village));
		body.put("since", from);
		body.put("households", this.oversight.watchlist(new Oversight.Region(county, township, village), from));
		return body;
	}

	@GetMapping("/api/v1/watchlist.csv")
	ResponseEntity<byte[]> watchlistCsv(@RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village,
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
	Map<String, Object> summary(@RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("region", summary.region());
		body.put("from", summary.from());
		body.put("to", summary.to());
		body.put("households", figure(summary, "households"));
		for (String kind : List.of("riskGroup", "riskType", "tier", "caseState", "measureRecommended",
				"measureApplied", "incomeBand")) {
			List<Map<String, Object>> list = new ArrayList<>();
			summary.figures().keySet().stream().filter((key) -> key.startsWith(kind + ":")).forEach((key) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("code", key.substring(kind.length() + 1));
				entry.putAll(figure(summary, key));
				list.add(entry);
			});
			body.put(kind, list);
		}
		body.put("eliminated", figure(summary, "eliminated"));
		body.put("identificationOverdue", figure(summary, "identificationOverdue"));
		Map<String, Object> income = new LinkedHashMap<>();
		income.put("threshold", summary.threshold());
		income.put("quantilesOfMonitored", summary.incomeQuantiles());
		body.put("income", income);
		return body;
	}

	@GetMapping("/api/v1/reports/summary.csv")
	ResponseEntity<byte[]> summaryCsv(@RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		StringBuilder csv = new StringBuilder("figure,count,households\n");
		summary.figures().forEach((key, households) -> csv.append(key).append(',').append(households.size())
			.append(',').append(String.join(";", households)).append('\n'));
		return csv("summary.csv", csv);
	}

	/** The households behind one figure of the summary. */
	@GetMapping("/api/v1/reports/households")
	Map<String, Object> households(@RequestParam String figure, @RequestParam(required = false) String county,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Oversight.Summary summary = compute(county, township, village, from, to);
		List<String> households = summary.figures().getOrDefault(figure, List.of());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("figure", figure);
		body.put("count", households.size());
		body.put("households", households.stream().map((household) -> {
			StoredAssessment latest = summary.latest().get(household);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("householdId", household);
			if (latest != null) {
				entry.put("assessmentId", latest.id().toString());
				entry.put("asOf", latest.evaluation().asOf());
				entry.put("riskGroup", latest.evaluation().riskGroup());
				entry.put("assistanceTier", latest.evaluation().assistanceTier());
				entry.put("perCapitaNetIncome", latest.evaluation().income().perCapitaNetIncome());
				JsonNode region = latest.profile().get("region");
				entry.put("village", (region != null && region.get("village") != null) ? region.get("village").asString() : null);
			}
			return entry;
		}).toList());
		return body;
	}

	private Oversight.Summary compute(String county, String township, String village, LocalDate from, LocalDate to) {
		return this.oversight.summary(new Oversight.Region(county, township, village),
				(from != null) ? from : LocalDate.of(2000, 1, 1), (to != null) ? to : this.cases.today());
	}

	private static Map<String, Object> figure(Oversight.Summary summary, String key) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("count", summary.figures().getOrDefault(key, List.of()).size());
		StringBuilder href = new StringBuilder("/api/v1/reports/households?figure=").append(encode(key));
		Oversight.Region region = summary.region();
		append(href, "county", region.county());
		append(href, "township", region.township());
		append(href, "village", region.village());
		append(href, "from", summary.from().toString());
		append(href, "to", summary.to().toString());
		figure.put("href", href.toString());
		return figure;
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
				throw new CaseworkException(CaseworkException.Kind.INVALID, field + " is required");
			}
			return null;
		}
		if (!value.isString()) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, field + " must be a string");
		}
		return value.stringValue();
	}

	private static LocalDate date(JsonNode json, String field) {
		String text = text(json, field, false);
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, field + " must be an ISO-8601 date");
		}
	}

	private static String who(Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}


}
