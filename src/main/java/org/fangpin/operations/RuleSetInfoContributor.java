package org.fangpin.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fangpin.ruleset.ActiveRuleSet;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the rule set in force to {@code /actuator/info}, beside the application's build version. */
@Component
class RuleSetInfoContributor implements InfoContributor {

	private final ActiveRuleSet active;

	RuleSetInfoContributor(ActiveRuleSet active) {
		this.active = active;
	}

	@Override
	public void contribute(Info.Builder builder) {
		ActiveRuleSet.Activation activation = this.active.current();
		Map<String, Object> ruleSet = new LinkedHashMap<>();
		ruleSet.put("version", activation.ruleSet().version());
		ruleSet.put("activatedAt", activation.activatedAt().toString());
		ruleSet.put("activatedBy", activation.activatedBy());
		ruleSet.put("rules", activation.ruleSet().rules().size());
		builder.withDetail("ruleSet", ruleSet);
	}

}
