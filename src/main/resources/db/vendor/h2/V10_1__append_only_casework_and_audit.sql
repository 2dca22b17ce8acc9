-- A case's history (its transitions and the measures applied), department alerts and the audit log are append-only:
-- every transition is kept with who made it, when and why. Only a case's current state (household_case) changes.
CREATE TRIGGER case_transition_append_only BEFORE UPDATE, DELETE ON case_transition
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER applied_measure_append_only BEFORE UPDATE, DELETE ON applied_measure
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER department_alert_append_only BEFORE UPDATE, DELETE ON department_alert
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
