CREATE VIEW v_citations AS
SELECT c.document_id,
       d.number    AS citing_number,
       d.province  AS citing_province,
       c.doc_type,
       c.cited_number,
       c.cited_date,
       c.issuer    AS cited_issuer,
       c.role,
       s.resolved_document_id,
       s.audit_status
FROM citations c
JOIN documents d ON d.id = c.document_id
JOIN citation_status s ON s.citation_id = c.id
