CREATE VIEW citation_status AS
SELECT x.citation_id,
       x.resolved_document_id,
       CASE
         WHEN x.resolved_document_id IS NULL THEN 'unresolved'
         WHEN x.cited_date IS NOT NULL AND r.issued_date IS NOT NULL
              AND length(r.issued_date) = 10 AND x.cited_date <> r.issued_date
           THEN 'inconsistent'
         ELSE 'resolved'
       END AS audit_status
FROM (
  SELECT c.id AS citation_id,
         c.cited_date,
         (SELECT MIN(r2.id) FROM documents r2
           WHERE r2.symbol = c.symbol AND r2.serial = c.serial
             AND (c.year IS NULL OR r2.issued_year IS NULL OR r2.issued_year = c.year)
         ) AS resolved_document_id
  FROM citations c
) x
LEFT JOIN documents r ON r.id = x.resolved_document_id
