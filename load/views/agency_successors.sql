CREATE VIEW agency_successors AS
SELECT agency, province, successor, effective_date, basis
FROM successors
