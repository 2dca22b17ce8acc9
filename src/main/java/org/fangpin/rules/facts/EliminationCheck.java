package org.fangpin.rules.facts;

/** Present when the risk-elimination check runs for this household (policy §6). */
public record EliminationCheck() {

}
