"""The words of the IDIC design phase: a customer's lifecycle stage, the
channels customers are reached through, and the segments strategies target."""

from __future__ import annotations

from enum import StrEnum


class LifecycleStage(StrEnum):
    """Where a customer relationship stands, in the method's order."""

    SELECTION = "selection"
    ACQUISITION = "acquisition"
    RETENTION = "retention"
    DEEPENING = "deepening"


class Channel(StrEnum):
    """The touchpoints of collaborative CRM."""

    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    LETTER_FAX = "letter_fax"
    FACE_TO_FACE = "face_to_face"
    OTHER = "other"


class InteractionDirection(StrEnum):
    INBOUND = "inbound"  #: the customer reached out
    OUTBOUND = "outbound"  #: the company reached out


class Segment(StrEnum):
    """The customer groups that each get their own treatment: the value groups
    and the A/B/C classes."""

    MVC = "mvc"
    MGC = "mgc"
    BZ = "bz"
    OTHER = "other"
    A = "a"
    B = "b"
    C = "c"
