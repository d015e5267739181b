-- Invordering: letter templates in versions, and print runs of stored letters.

-- Every template in versions: the layout, each partial (onderdeel) and each letter, by code. A code
-- names one template of one kind. Per code at most one version is published (the one new letters
-- use) and at most one is a draft (the one an administrator is editing); a published version never
-- changes, and a stored letter keeps the version of its letter template in letters.template_version.
CREATE TABLE letter_templates (
    id              bigserial PRIMARY KEY,
    code            text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('layout', 'partial', 'letter')),
    version         integer     NOT NULL CHECK (version >= 1),
    status          text        NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    title           text,
    model           text,
    requires        text[]      NOT NULL DEFAULT '{}',
    source          text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    UNIQUE (code, version),
    CHECK ((kind = 'letter') = (title IS NOT NULL AND model IS NOT NULL))
);
CREATE UNIQUE INDEX letter_templates_one_published ON letter_templates (code) WHERE status = 'published';
CREATE UNIQUE INDEX letter_templates_one_draft ON letter_templates (code) WHERE status = 'draft';

-- A print run: stored letters printed into one A4 PDF, each letter starting on a new page. The
-- letters are printed from their stored HTML, so a letter printed again looks the same.
CREATE TABLE print_runs (
    id              bigserial PRIMARY KEY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    selection       text        NOT NULL,
    letter_count    integer     NOT NULL CHECK (letter_count >= 1),
    page_count      integer     NOT NULL CHECK (page_count >= letter_count),
    pdf             bytea       NOT NULL,
    sha256          char(64)    NOT NULL
);

CREATE TABLE print_run_letters (
    run_id          bigint      NOT NULL REFERENCES print_runs (id) ON DELETE CASCADE,
    letter_id       bigint      NOT NULL REFERENCES letters (id),
    position        integer     NOT NULL,
    PRIMARY KEY (run_id, letter_id)
);
CREATE INDEX print_run_letters_letter ON print_run_letters (letter_id);

-- Letters are written by the hundred thousand in a letter run and read back whole (HTML, PDF): lz4
-- compresses them several times faster than PostgreSQL's default pglz.
ALTER TABLE letters ALTER COLUMN html SET COMPRESSION lz4, ALTER COLUMN data SET COMPRESSION lz4;
