-- An assessment's instalments (termijnen) follow from its due date, amount and number of
-- instalments (formats: monthly from the vervaldatum, the cents spread over the first ones), so
-- they are derived on read instead of stored: an import of a million assessments wrote two
-- million instalment rows and their keys, and nothing ever changed one.
DROP TABLE assessment_instalments;

CREATE VIEW assessment_instalments AS
SELECT a.id                                                      AS assessment_id,
       n::smallint                                               AS sequence,
       (a.due_date + make_interval(months => n - 1))::date       AS due_date,
       a.amount_cents / a.instalments
           + CASE WHEN n <= a.amount_cents % a.instalments THEN 1 ELSE 0 END AS amount_cents
FROM assessments a
CROSS JOIN LATERAL generate_series(1, a.instalments) AS n
WHERE a.instalments > 1;

-- The batch an assessment came from is provenance only: batches are never deleted once rows
-- refer to them, and the merge sets the id of the batch it holds locked. The foreign key's check
-- ran once per row, about five seconds for a million assessments.
ALTER TABLE assessments DROP CONSTRAINT assessments_batch_id_fkey;
