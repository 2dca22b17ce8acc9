package org.fangpin.rules.facts;

/** The assistance tier of a monitored household (policy §5.2). */
public record AssistanceTier(String code) {

}
