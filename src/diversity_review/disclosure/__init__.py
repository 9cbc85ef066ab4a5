"""Disclosure control: small-cell suppression for one table (:func:`suppress`) or for every
table of a pack at once (:func:`protect`), and the audit of what a reader can still work out.

Modules: :mod:`.cells` (published numbers as cells, sums as constraints), :mod:`.primary`,
:mod:`.hypercube` (secondary suppression and its certificate), :mod:`.audit` (bounds by linear
programming), :mod:`.engine` (:func:`protect`), :mod:`.table` (:func:`suppress`),
:mod:`.rows` (the "Council not given" row).
"""

from .cells import BLOCK_KEYS, SUBSET_MEASURES
from .engine import DERIVED, PUBLIC_MEASURES, Protected, protect
from .rows import NOT_GIVEN, NOT_GIVEN_CODE, add_not_given
from .table import suppress, suppress_crosstab

#: columns blanked with the count they are derived from
DERIVED_COLUMNS = DERIVED

__all__ = [
    "suppress",
    "suppress_crosstab",
    "protect",
    "Protected",
    "DERIVED_COLUMNS",
    "BLOCK_KEYS",
    "PUBLIC_MEASURES",
    "SUBSET_MEASURES",
    "NOT_GIVEN",
    "NOT_GIVEN_CODE",
    "add_not_given",
]
