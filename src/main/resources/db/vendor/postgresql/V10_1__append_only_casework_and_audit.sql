-- A case's history (its transitions and the measures applied), department alerts and the audit log are append-only:
-- every transition is kept with who made it, when and why. Only a case's current state (household_case) changes.
CREATE TRIGGER case_transition_append_only BEFORE UPDATE OR DELETE ON case_transition
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER applied_measure_append_only BEFORE UPDATE OR DELETE ON applied_measure
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER department_alert_append_only BEFORE UPDATE OR DELETE ON department_alert
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
