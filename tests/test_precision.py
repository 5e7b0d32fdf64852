"""Precision on a large body of ordinary English: the Python standard library's own source
and documentation topics name no Kyrgyz or Russian entity, so nothing in them may change."""

from __future__ import annotations

import argparse
import collections
import email.message
import http.server
import inspect
import pydoc_data.topics
import typing

import translit_norm as tn


def test_no_edit_in_english_technical_prose(normaliser: tn.Normaliser) -> None:
    modules = (argparse, email.message, http.server, typing, collections)
    text = "".join(inspect.getsource(m) for m in modules)
    text += "".join(pydoc_data.topics.topics.values())
    assert len(text) > 500_000
    changed = [(m.surface, m.entity.id) for m in normaliser.find_entities(text) if m.changed]
    assert changed == []
    assert normaliser.normalise(text) == text
