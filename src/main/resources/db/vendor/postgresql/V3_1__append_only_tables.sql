-- Decision records and the rule set archive are append-only: no path may update or delete a row.
CREATE FUNCTION fangpin_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: rows are never updated or deleted', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER assessment_append_only BEFORE UPDATE OR DELETE ON assessment
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE OR DELETE ON rule_set_version
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER rule_set_file_append_only BEFORE UPDATE OR DELETE ON rule_set_file
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
CREATE TRIGGER rule_set_activation_append_only BEFORE UPDATE OR DELETE ON rule_set_activation
    FOR EACH ROW EXECUTE FUNCTION fangpin_append_only();
