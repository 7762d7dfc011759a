CREATE VIEW v_citations AS
SELECT x.document_id,
       x.citing_number,
       x.citing_province,
       x.doc_type,
       x.cited_number,
       x.cited_date,
       x.cited_issuer,
       x.role,
       x.resolved_document_id,
       CASE
         WHEN x.resolved_document_id IS NULL THEN 'unresolved'
         WHEN x.cited_date IS NOT NULL AND r.issued_date IS NOT NULL
              AND length(r.issued_date) = 10 AND x.cited_date <> r.issued_date
           THEN 'inconsistent'
         ELSE 'resolved'
       END AS audit_status
FROM (
  SELECT c.document_id,
         d.number    AS citing_number,
         d.province  AS citing_province,
         c.doc_type,
         c.cited_number,
         c.cited_date,
         c.issuer    AS cited_issuer,
         c.role,
         (SELECT MIN(r2.id) FROM documents r2
           WHERE r2.symbol = c.symbol AND r2.serial = c.serial
             AND (c.year IS NULL OR r2.issued_year IS NULL OR r2.issued_year = c.year)
         ) AS resolved_document_id
  FROM citations c
  JOIN documents d ON d.id = c.document_id
) x
LEFT JOIN documents r ON r.id = x.resolved_document_id
