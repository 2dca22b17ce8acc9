package org.fangpin.rules.facts;

/** One risk type of a monitored household (policy §5.1). */
public record RiskType(String code) {

}
