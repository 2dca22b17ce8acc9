package org.fangpin.rules.facts;

/** Present when the household's risk group makes it a monitoring object (policy §4). */
public record Monitored(String riskGroup) {

}
