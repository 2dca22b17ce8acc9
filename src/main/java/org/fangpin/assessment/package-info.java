/**
 * Assessments: a household profile evaluated against the rule set in force, stored whole (profile, result, trace,
 * rule set version and time) in one transaction, and read back by id or by household. Controllers and response
 * models live in {@code web}.
 */
package org.fangpin.assessment;
