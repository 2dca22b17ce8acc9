package org.fangpin.rules.facts;

/** D1: the number of members. */
public record HouseholdSize(int value) {

}
