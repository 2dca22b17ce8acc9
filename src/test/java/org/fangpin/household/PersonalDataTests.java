package org.fangpin.household;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.HttpClientSupport.JSON;

class PersonalDataTests {

	@Test
	void aNameKeepsItsFirstCharacterAndAnIdNumberItsFirstAndLastFour() {
		assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
		assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
		assertThat(PersonalData.maskName("𠀀𠀁")).isEqualTo("𠀀*");
		assertThat(PersonalData.maskName("王")).isEqualTo("*");
		assertThat(PersonalData.maskIdNumber("140902196601011234")).isEqualTo("1409**********1234");
		assertThat(PersonalData.maskIdNumber("140902660101123")).isEqualTo("1409*******1123");
	}

	@Test
	void maskingAProfileChangesOnlyTheMembersPersonalDataAndLeavesTheOriginalAlone() {
		JsonNode profile = JSON.readTree("""
				{"householdId": "H1", "region": {"village": "张家村"},
				 "members": [{"age": 58, "name": "张三", "idNumber": "140902196601011234"}, {"age": 9}]}""");
		JsonNode masked = PersonalData.masked(profile);
		assertThat(masked.get("members").get(0).get("name").asString()).isEqualTo("张*");
		assertThat(masked.get("members").get(0).get("idNumber").asString()).isEqualTo("1409**********1234");
		assertThat(masked.get("members").get(1).has("name")).isFalse();
		assertThat(masked.get("region").get("village").asString()).isEqualTo("张家村");
		assertThat(profile.get("members").get(0).get("name").asString()).isEqualTo("张三");
	}

}
