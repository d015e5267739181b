-- Who published and who retired a workflow version, and when: the version list of the workflow editor shows them.
ALTER TABLE workflow_definitions
    ADD COLUMN published_by text,
    ADD COLUMN retired_at   timestamptz,
    ADD COLUMN retired_by   text;

-- At most one draft per workflow: the editor saves into it until it is published.
CREATE UNIQUE INDEX workflow_definitions_one_draft ON workflow_definitions (workflow_id) WHERE status = 'draft';
