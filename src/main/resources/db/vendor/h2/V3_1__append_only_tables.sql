-- Decision records and the rule set archive are append-only: no path may update or delete a row.
CREATE TRIGGER assessment_append_only BEFORE UPDATE, DELETE ON assessment
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE, DELETE ON rule_set_version
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER rule_set_file_append_only BEFORE UPDATE, DELETE ON rule_set_file
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
CREATE TRIGGER rule_set_activation_append_only BEFORE UPDATE, DELETE ON rule_set_activation
    FOR EACH ROW CALL 'org.fangpin.assessment.AppendOnlyTrigger';
