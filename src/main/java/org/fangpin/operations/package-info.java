/**
 * Running Fangpin: metrics of assessments, evaluation time and rule firings (fed by the
 * {@link org.fangpin.assessment.AssessmentCompleted} event, so the assessment knows nothing of them), of rule set
 * reloads and the validation gate (fed by {@link org.fangpin.ruleset.RuleSetActivationAttempted}, so neither the
 * lifecycle nor the rule engine knows Micrometer), the rule set's health and info contributions to the actuator, and a correlation id on every request and every log line it causes.
 * See docs/operations.md.
 */
package org.fangpin.operations;
