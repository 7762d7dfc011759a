CREATE VIEW v_targets AS
SELECT t.document_id,
       d.number      AS document_number,
       d.doc_type,
       d.issuer,
       d.province,
       d.year_start,
       d.year_end,
       t.area,
       t.indicator,
       t.metric,
       t.value,
       t.value_max,
       t.comparator,
       t.direction,
       t.unit,
       t.out_of,
       t.target_year,
       t.text
FROM targets t
JOIN documents d ON d.id = t.document_id
