package org.fangpin.assessment;

import java.nio.file.Path;

import org.fangpin.TestDatabase;
import org.fangpin.assessment.AssessmentRepository.RegionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the embedded H2 file database stores assessments. */
class H2StorageTests {

	@TempDir
	Path dir;

	@Test
	void aFileDatabaseKeepsTextsOfUpTo64KbInTheRowAcrossRestarts() {
		// H2's own default is 256 bytes: every assessment's JSON would go to its separate large-object storage
		assertThat(settingAfterMigrationAndRestart("MAX_LENGTH_INPLACE_LOB")).isEqualTo("65536");
	}

	@Test
	void aFileDatabaseKeepsItsPageCacheAt1MbAcrossRestarts() {
		// H2's own default is 16 MB, whose turnover lengthens every young collection under stored assessments
		assertThat(settingAfterMigrationAndRestart("CACHE_SIZE")).isEqualTo("1024");
	}

	@ParameterizedTest(name = "county {0}, township {1}, village {2}")
	@CsvSource(nullValues = "-",
			value = { "忻府区, -, -", "忻府区, 豆罗镇, -", "忻府区, 豆罗镇, 董村", "忻府区, -, 董村" })
	void aRegionWithItsCountyIsReadThroughTheRegionIndexNotByScanningEveryAssessment(String county, String township,
			String village) {
		JdbcClient jdbc = JdbcClient.create(TestDatabase.H2.migrated("region-plan"));
		RegionFilter region = RegionFilter.of(county, township, village);

		// the plan of each query names the index it reads the region's assessments through, or tableScan; the
		// latest assessments are found in indexes that hold every column the search needs, so no row is read whole
		assertThat(plan(jdbc, AssessmentRepository.latestInQuery(region), region))
			.containsPattern("\\\"ASSESSMENT\\\" \\\"A\\\"\\s*/\\* PUBLIC\\.ASSESSMENT_REGION_LATEST: ")
			.containsPattern("\\\"ASSESSMENT\\\" \\\"B\\\"\\s*/\\* PUBLIC\\.ASSESSMENT_HOUSEHOLD_LATEST: ");
		assertThat(plan(jdbc, AssessmentRepository.rowsOfHouseholdsInQuery(region), region))
			.containsPattern("/\\* PUBLIC\\.ASSESSMENT_REGION_LATEST: ");
	}

	private static String plan(JdbcClient jdbc, String query, RegionFilter region) {
		return jdbc.sql("EXPLAIN " + query).params(region.values()).query(String.class).single();
	}

	private String settingAfterMigrationAndRestart(String name) {
		String url = "jdbc:h2:file:" + this.dir.resolve("fangpin") + ";WRITE_DELAY=0";
		JdbcClient.create(TestDatabase.H2.migrate(new DriverManagerDataSource(url, "sa", ""))).sql("SHUTDOWN").update();
		JdbcClient reopened = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
		return reopened.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")
			.param(name)
			.query(String.class)
			.optional()
			.orElse("H2's default");
	}

}
