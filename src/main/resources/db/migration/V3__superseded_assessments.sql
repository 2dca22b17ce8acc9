-- A correction is a new assessment that points to the one it supersedes; the old row is never changed.
ALTER TABLE assessment ADD COLUMN supersedes UUID REFERENCES assessment (id);
