/**
 * The rule set in force: loaded from the rules directory at start-up (failing fast on any problem), swapped
 * atomically, and described over {@code /api/v1/ruleset} and {@code /api/v1/catalogue}.
 */
package org.fangpin.ruleset;
