/**
 * The vocabulary the rule files speak: the input facts built from a household profile ({@link Household},
 * {@link Member}, {@link HouseholdEvent}, {@link Parameter}) and the facts rules derive from them, stage by stage.
 * Every fact is an immutable record; rules insert new facts and never change one.
 */
package org.fangpin.rules.facts;
