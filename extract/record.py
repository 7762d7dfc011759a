"""Document → ExtractResult: the parsers in order, then quality."""

from __future__ import annotations

from extract.agencies import collect_agencies
from extract.parsers.appendix.tables import parse_appendix
from extract.parsers.body.sections import parse_sections
from extract.parsers.body.targets import parse_targets
from extract.parsers.body.tasks import parse_body_tasks
from extract.parsers.citations import parse_citations
from extract.parsers.header.parse import parse_header
from extract.quality import assess_quality, quality_score
from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import ExtractResult, Quality


def document_to_record(doc: Document, *, report: Report) -> ExtractResult:
    head = parse_header(doc, report=report)
    province = head.header.province
    tree = parse_sections(doc, start=head.plan_start, report=report)
    targets = parse_targets(doc, tree, plan=head.plan, report=report)
    body_tasks = parse_body_tasks(doc, tree, plan=head.plan, province=province, report=report)
    table_tasks = parse_appendix(doc, plan=head.plan, province=province, report=report)
    tasks = body_tasks + table_tasks
    citations = parse_citations(doc, report=report, header=head.header,
                                section_of=tree.section_of)
    record = ExtractResult(
        source=doc.source,
        document=head.header,
        plan=head.plan,
        sections=tree.sections,
        targets=targets,
        tasks=tasks,
        citations=citations,
        agencies=collect_agencies(tasks, province=province),
        warnings=list(report.items),
    )
    checks = assess_quality(record)
    return record.model_copy(
        update={"quality": Quality(score=quality_score(checks), checks=checks)}
    )
