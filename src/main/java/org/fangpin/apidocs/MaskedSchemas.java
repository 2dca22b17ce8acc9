package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Fills the placeholders {@code MaskedHouseholdProfile} and {@code AssessmentExport} with copies of
 * {@code HouseholdProfile} and {@code Assessment} in which members' names and ID numbers are masked as
 * {@link org.fangpin.household.PersonalData} masks them ({@code MaskedHouseholdMember}): exports and what-ifs show
 * masked profiles, which the profile's own ID number pattern would reject.
 */
final class MaskedSchemas {

	static final String PROFILE = "MaskedHouseholdProfile";

	static final String MEMBER = "MaskedHouseholdMember";

	static final String EXPORT = "AssessmentExport";

	private static final String SCHEMAS = "#/components/schemas/";

	private MaskedSchemas() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void fill(Map<String, Schema> schemas) {
		Schema profile = schemas.get("HouseholdProfile");
		Schema member = schemas.get("HouseholdMember");
		if (profile == null || member == null || profile.getProperties() == null || member.getProperties() == null) {
			return;
		}
		Schema maskedMember = copy(member);
		maskedMember.setDescription("One member of the household as in HouseholdMember, with name and ID number "
				+ "masked");
		Schema name = copy((Schema) member.getProperties().get("name"));
		name.setDescription("Personal data, masked: the member's name with every character but the first replaced "
				+ "by * (at least one *); empty stays empty");
		name.setExample("张*");
		name.setPattern("^(.\\*+)?$");
		maskedMember.getProperties().put("name", name);
		Schema idNumber = copy((Schema) member.getProperties().get("idNumber"));
		idNumber.setDescription("Personal data, masked: the resident ID number with every character but the first "
				+ "four and the last four replaced by *");
		idNumber.setExample("1409**********123X");
		idNumber.setPattern("^([0-9]{4}\\*{10}[0-9]{3}[0-9Xx]|[0-9]{4}\\*{7}[0-9]{4})$");
		maskedMember.getProperties().put("idNumber", idNumber);
		schemas.put(MEMBER, maskedMember);

		if (schemas.containsKey(PROFILE)) {
			Schema maskedProfile = copy(profile);
			maskedProfile.setDescription(schemas.get(PROFILE).getDescription());
			Schema members = (Schema) maskedProfile.getProperties().get("members");
			if (members != null && members.getItems() != null) {
				members.setItems(new JsonSchema().$ref(SCHEMAS + MEMBER));
			}
			schemas.put(PROFILE, maskedProfile);
		}
		Schema assessment = schemas.get("Assessment");
		if (schemas.containsKey(EXPORT) && assessment != null && assessment.getProperties() != null) {
			Schema export = copy(assessment);
			export.setDescription(schemas.get(EXPORT).getDescription());
			Schema input = new JsonSchema().$ref(SCHEMAS + PROFILE);
			input.setDescription("The profile the assessment was made from, members' names and ID numbers masked");
			export.getProperties().put("input", input);
			List<String> required = new ArrayList<>((export.getRequired() != null) ? export.getRequired() : List.of());
			if (!required.contains("input")) {
				required.add("input");
			}
			export.setRequired(required);
			schemas.put(EXPORT, export);
		}
	}

	/** A deep copy, through the document's own JSON form. */
	private static Schema<?> copy(Schema<?> schema) {
		try {
			return Json31.mapper().readValue(Json31.mapper().writeValueAsString(schema), Schema.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot copy a schema of the OpenAPI document", ex);
		}
	}

}
