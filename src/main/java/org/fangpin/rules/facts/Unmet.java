package org.fangpin.rules.facts;

/** A risk-elimination clause (E1 … E6) that the household does not meet. */
public record Unmet(String clause) {

}
