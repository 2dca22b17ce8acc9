package org.fangpin.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members' names and ID numbers: shown whole to caseworkers only, kept out of the engine's trace, the audit log and
 * every log line, whatever the request does (stored, evaluated, refused, malformed, or failing in the rules).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:personal-data;DB_CLOSE_DELAY=-1")
class PersonalDataExposureTests {

	/** A planted ID number and name that appear nowhere else in the project. */
	static final String ID_NUMBER = "14090219770707345X";

	static final String NAME = "欧阳防贫测";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void onlyACaseworkerSeesTheNameAndIdNumberOfAStoredAssessment() {
		String id = this.http.as("test-caseworker").postJson("/api/v1/assessments", planted("PD-READ")).json()
			.get("id").asString();
		JsonNode caseworker = this.http.as("test-caseworker").get("/api/v1/assessments/" + id).json();
		assertThat(member(caseworker).get("name").asString()).isEqualTo(NAME);
		assertThat(member(caseworker).get("idNumber").asString()).isEqualTo(ID_NUMBER);
		JsonNode reviewer = this.http.as("test-reviewer").get("/api/v1/assessments/" + id).json();
		assertThat(member(reviewer).get("name").asString()).isEqualTo("欧****");
		assertThat(member(reviewer).get("idNumber").asString()).isEqualTo("1409**********345X");
		assertThat(member(reviewer).get("age").intValue()).isEqualTo(58);
		assertThat(reviewer.toString()).doesNotContain(ID_NUMBER).doesNotContain(NAME);
		String history = this.http.as("test-reviewer").get("/api/v1/households/PD-READ/assessments").body();
		assertThat(history).doesNotContain(ID_NUMBER).doesNotContain(NAME);
	}

	@Test
	void theyAreStoredWithTheInputOnlyNotWithTheResultOrTheAuditLog() {
		Response created = this.http.postJson("/api/v1/assessments", planted("PD-STORE"));
		assertThat(created.body()).doesNotContain(ID_NUMBER).doesNotContain(NAME);
		String evaluation = this.jdbc.sql("SELECT evaluation_json FROM assessment WHERE household_id = 'PD-STORE'")
			.query(String.class)
			.single();
		assertThat(evaluation).doesNotContain(ID_NUMBER).doesNotContain(NAME);
		String profile = this.jdbc.sql("SELECT profile_json FROM assessment WHERE household_id = 'PD-STORE'")
			.query(String.class)
			.single();
		assertThat(profile).contains(ID_NUMBER);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE ? OR detail LIKE ?")
			.params("%" + ID_NUMBER + "%", "%" + NAME + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void noLogLineEverHoldsThemWhateverTheRequestDoes(CapturedOutput output) throws IOException {
		String profile = planted("PD-LOG");
		this.http.postJson("/api/v1/assessments", profile);
		this.http.postJson("/api/v1/evaluations", profile, "Accept-Language", "en");
		this.http.postJson("/api/v1/evaluations", profile.replace("\"LIFTED\"", "\"" + ID_NUMBER + "\""));
		this.http.postJson("/api/v1/evaluations", profile.replace("\"age\": 58", "\"age\": \"" + NAME + "\""));
		this.http.postJson("/api/v1/evaluations", profile.replace("\"idNumber\": \"" + ID_NUMBER + "\"",
				"\"idNumber\": " + ID_NUMBER.substring(0, 17)));
		this.http.postJson("/api/v1/evaluations", profile.replace("\"name\"", "\"" + ID_NUMBER + "\""));
		this.http.postJson("/api/v1/evaluations", profile.replace("\"idNumber\": \"" + ID_NUMBER + "\"",
				"\"idNumber\": \"" + ID_NUMBER + "\", \"idNumber\": \"" + ID_NUMBER + "\""));
		this.http.postJson("/api/v1/evaluations", profile.replace("\"" + NAME + "\"", NAME));
		this.http.postJson("/api/v1/evaluations", profile.replace("2024-06-30", "2020-12-31")
			.replace("2024-03-02", "2020-03-02").replace("2023-11-15", "2020-11-15"));
		this.http.postJson("/api/v1/evaluations", profile.substring(0, profile.indexOf(ID_NUMBER) + 10));
		this.http.post("/api/v1/evaluations", "text/plain", profile);
		this.http.get("/api/v1/households/" + ID_NUMBER + "/assessments");
		this.http.get("/api/v1/assessments/" + ID_NUMBER);
		this.http.anonymous().postJson("/api/v1/evaluations", profile);
		this.http.as("test-reviewer").postJson("/api/v1/assessments", profile);
		this.http.as(ID_NUMBER, NAME).get("/api/v1/catalogue");
		assertThat(output.getAll()).doesNotContain(ID_NUMBER).doesNotContain(NAME);
		Path log = Path.of(System.getProperty("fangpin.test.log", "target/test-logs/fangpin-tests.log"));
		assertThat(log).exists();
		String logged = Files.readString(log);
		assertThat(logged).isNotEmpty().doesNotContain(ID_NUMBER).doesNotContain(NAME);
	}

	private static String planted(String householdId) {
		return HttpClientSupport.example()
			.replace("140902-017-0031", householdId)
			.replace("\"relation\": \"HEAD\"",
					"\"relation\": \"HEAD\", \"name\": \"" + NAME + "\", \"idNumber\": \"" + ID_NUMBER + "\"");
	}

	private static JsonNode member(JsonNode assessment) {
		return assessment.get("input").get("members").get(0);
	}

}
