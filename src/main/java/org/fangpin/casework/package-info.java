/**
 * Monitoring casework: each household's case from the first risk signal to the elimination of its risk (or a
 * decision not to include it), the measures actually applied, department alerts that re-assess a household, the
 * watch list, and reports whose every figure lists the households behind it.
 */
package org.fangpin.casework;
