package org.fangpin.assessment.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Schemas with members' personal data masked ({@link org.fangpin.household.PersonalData}), for the OpenAPI document
 * only. These are placeholders: the document fills them with copies of {@code HouseholdProfile} and
 * {@code Assessment} whose names and ID numbers are the masked ones, so that they never drift from the originals.
 */
final class MaskedDocuments {

	private MaskedDocuments() {
	}

	@Schema(name = "MaskedHouseholdProfile", description = "A household profile as in HouseholdProfile, with "
			+ "members' names and ID numbers masked (MaskedHouseholdMember)")
	record Profile() {

	}

	@Schema(name = "AssessmentExport", description = "An assessment as in Assessment, always with the profile it was "
			+ "made from (input), members' names and ID numbers masked")
	record Export() {

	}

}
