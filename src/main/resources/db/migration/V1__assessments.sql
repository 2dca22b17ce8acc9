-- Assessments: one row per stored evaluation. The row is written once and never updated.
CREATE TABLE assessment (
    id               UUID         NOT NULL PRIMARY KEY,
    household_id     VARCHAR(64)  NOT NULL,
    as_of            DATE         NOT NULL,
    assessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    rule_set_version VARCHAR(80)  NOT NULL,
    risk_group       VARCHAR(40),
    profile_json     TEXT         NOT NULL,
    evaluation_json  TEXT         NOT NULL
);

CREATE INDEX assessment_household ON assessment (household_id, assessed_at);
