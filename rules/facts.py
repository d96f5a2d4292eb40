"""Run every fact rule family over a document, in a fixed order."""
from __future__ import annotations

from pipeline.model import Document, Extraction

from .analysis import Analysis
from .award_tables import extract_award_tables
from .awards import extract_awards
from .honorees import extract_honorees
from .indicators import extract_indicators
from .metric_tables import extract_metric_tables
from .ntm import extract_ntm
from .poverty import extract_poverty
from .quantities import extract_quantities


def extract_facts(doc: Document, ex: Extraction) -> None:
    """Fill ex.facts and ex.honorees (citations are filled by rules.citations)."""
    an = Analysis(doc, ex.meta)
    extract_award_tables(an)          # first: sentences may detail a table's totals
    items = extract_awards(an)
    extract_honorees(an, items)
    extract_poverty(an)
    extract_ntm(an)
    extract_indicators(an)
    extract_metric_tables(an)
    extract_quantities(an)
    for f in an.facts:
        if f.period is not None:
            f.period = str(f.period)
            if f.period_source is None:
                f.period_source = "table" if f.table_index is not None else "rule"
    ex.facts.extend(an.facts)
    ex.honorees.extend(an.honorees)
