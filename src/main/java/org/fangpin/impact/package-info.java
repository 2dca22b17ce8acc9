/**
 * Impact of a rule change on a population: a candidate rule set and the active one run side by side over the same
 * households (the latest stored input of each, or an uploaded NDJSON file), on every core, and the report says what
 * moves: counts before and after, the transition matrix of risk groups, measure amounts, and each household that
 * changed with the rules that fired in one run and not the other.
 */
package org.fangpin.impact;
