CREATE VIEW v_tasks AS
SELECT k.document_id,
       d.number      AS document_number,
       d.province,
       k.area,
       k.task_group,
       k.task_no,
       k.name        AS task_name,
       k.lead,
       k.support,
       k.deadline_raw,
       k.deadline_kind,
       k.deadline_end,
       k.funding
FROM tasks k
JOIN documents d ON d.id = k.document_id
