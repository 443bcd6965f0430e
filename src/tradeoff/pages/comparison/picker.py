"""The model picker: `/compare` with fewer than two models, pre-filled with what was asked."""

from __future__ import annotations

from typing import TypedDict

from tradeoff.records import Model

PICKER_TITLE = "Compare models"


class PickerContext(TypedDict):
    """The model picker (`/compare` with fewer than two models): what is already chosen."""

    title: str
    picked: list[str]
    blend: str


def picker_context(models: list[Model], blend: str | None) -> PickerContext:
    """The picker, pre-filled with the models and blend asked so far."""
    return PickerContext(
        title=PICKER_TITLE, picked=[m.slug for m in models], blend=blend or "70:30"
    )
