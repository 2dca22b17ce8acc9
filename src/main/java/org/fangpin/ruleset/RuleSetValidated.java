package org.fangpin.ruleset;

import java.time.Instant;

/**
 * Published when a candidate rule set has been through the validation gate, whether or not it passed.
 * @param version the candidate's version ({@code sha256:...}); null when its files could not even be read
 * @param passed whether the gate let it through
 * @param purpose why it was checked: {@code VALIDATE} (a dry run), {@code RELOAD} or {@code ROLLBACK}
 * @param by who asked
 * @param at when
 */
public record RuleSetValidated(String version, boolean passed, String purpose, String by, Instant at) {

}
