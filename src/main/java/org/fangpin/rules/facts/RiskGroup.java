package org.fangpin.rules.facts;

/** The household's risk group (policy §4); exactly one per evaluation. */
public record RiskGroup(String code) {

}
