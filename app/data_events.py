"""Signals between areas that must not import each other: the design phase
says when the customer data changed, and whoever checks answers against it
follows."""

from blinker import Namespace

_signals = Namespace()

#: Sent after an import, an analysis or its withdrawal is committed, with the
#: engagement's id as sender and ``user_id`` (who made the change); an
#: analysis adds ``quality``, the data quality it computed and its day, so
#: that it is not computed again.
customer_data_changed = _signals.signal("customer-data-changed")
