/**
 * The rule engine's API: load a rule set (DRL files, dated parameters and a catalogue) from a directory or from
 * files in memory, and evaluate a household profile against it. The engine knows nothing of HTTP or of the
 * database; its Drools machinery lives in {@code internal}.
 */
package org.fangpin.rules;
