package org.fangpin.rules.facts;

/**
 * Inserted by the why-not probes: condition {@code condition} (1-based, in the rule's own order) of the rule with
 * id {@code rule} holds for this household. The rules of a rule set never read it.
 */
public record ConditionMet(String rule, int condition) {

}
