package org.fangpin.operations;

import java.time.Clock;
import java.time.LocalDate;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.rules.ParameterNotInForceException;
import org.fangpin.rules.RuleSet;
import org.fangpin.ruleset.ActiveRuleSet;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rule set part of the service's health ({@code ruleSet}, in readiness too): up when a rule set is in force and
 * every parameter its rules read has a value today, so that a profile without {@code asOf} can be assessed.
 */
@Component
class RuleSetHealthIndicator implements HealthIndicator {

	private final ActiveRuleSet active;

	private final Clock clock;

	RuleSetHealthIndicator(ActiveRuleSet active, Clock clock) {
		this.active = active;
		this.clock = clock;
	}

	@Override
	public Health health() {
		ActiveRuleSet.Activation activation = this.active.current();
		RuleSet ruleSet = activation.ruleSet();
		LocalDate today = LocalDate.now(this.clock.withZone(AssessmentService.SERVICE_ZONE));
		Health.Builder health = Health.up();
		try {
			ruleSet.parametersAt(today, org.fangpin.household.HouseholdProfile.Region.NONE);
		}
		catch (ParameterNotInForceException ex) {
			health = Health.down().withDetail("parametersNotInForce", ex.parameters());
		}
		return health.withDetail("version", ruleSet.version())
			.withDetail("activatedAt", activation.activatedAt().toString())
			.withDetail("activatedBy", activation.activatedBy())
			.withDetail("rules", ruleSet.rules().size())
			.withDetail("parametersCheckedFor", today.toString())
			.build();
	}

}
