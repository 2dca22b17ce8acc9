package org.fangpin.rules.facts;

/** An early-warning alert for a household not at risk (policy §6a). */
public record Alert(String code) {

}
