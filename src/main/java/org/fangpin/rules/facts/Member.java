package org.fangpin.rules.facts;

import org.fangpin.household.Employment;
import org.fangpin.household.Health;
import org.fangpin.household.LaborCapacity;
import org.fangpin.household.Relation;
import org.fangpin.household.Schooling;

/** One member, without personal data; {@code index} is the member's position in the profile (0-based). */
public record Member(int index, Relation relation, int age, LaborCapacity laborCapacity, Health health,
		int disabilityGrade, Schooling schooling, Employment employment, boolean medicalInsurance) {

}
