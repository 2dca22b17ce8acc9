package org.fangpin.audit;

import org.fangpin.assessment.AssessmentCompleted;
import org.fangpin.rules.Evaluation;
import org.fangpin.ruleset.RuleSetActivated;
import org.fangpin.ruleset.RuleSetValidated;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from the events of the other modules: stored assessments, rule set validations and
 * activations. Listeners run in the publisher's thread and transaction, so an assessment and its audit entry are
 * stored together or not at all. It is a plain {@link ApplicationListener} rather than an {@code @EventListener}
 * because the start-up activation is published while the beans are still being created.
 */
@Component
class AuditRecorder implements ApplicationListener<PayloadApplicationEvent<?>> {

	static final String ASSESSMENT_CREATED = "ASSESSMENT_CREATED";

	static final String RULE_SET_VALIDATED = "RULE_SET_VALIDATED";

	static final String RULE_SET_REFUSED = "RULE_SET_REFUSED";

	static final String RULE_SET_ACTIVATED = "RULE_SET_ACTIVATED";

	private final AuditLog log;

	AuditRecorder(AuditLog log) {
		this.log = log;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<?> event) {
		Object payload = event.getPayload();
		if (payload instanceof AssessmentCompleted completed) {
			assessed(completed);
		}
		else if (payload instanceof RuleSetValidated validated) {
			validated(validated);
		}
		else if (payload instanceof RuleSetActivated activated) {
			activated(activated);
		}
	}

	private void assessed(AssessmentCompleted completed) {
		if (!completed.stored()) {
			return;
		}
		Evaluation evaluation = completed.assessment().evaluation();
		this.log.append(completed.assessment().assessedAt(), currentUser(), ASSESSMENT_CREATED,
				String.valueOf(completed.assessment().id()),
				"household " + evaluation.householdId() + ", as of " + evaluation.asOf() + ", risk group "
						+ evaluation.riskGroup() + ", rule set " + evaluation.ruleSetVersion());
	}

	private void validated(RuleSetValidated validated) {
		this.log.append(validated.at(), validated.by(), validated.passed() ? RULE_SET_VALIDATED : RULE_SET_REFUSED,
				validated.version(), validated.purpose() + (validated.passed() ? ": passed the gate"
						: ": failed the gate"));
	}

	private void activated(RuleSetActivated activated) {
		String detail = activated.action() + ", activation " + activated.sequence()
				+ ((activated.previousVersion() != null) ? ", replacing " + activated.previousVersion() : "")
				+ ((activated.comment() != null) ? ": " + activated.comment() : "");
		this.log.append(activated.at(), activated.by(), RULE_SET_ACTIVATED, activated.version(), detail);
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

}
