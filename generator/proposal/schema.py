"""JSON Schema of a kind, for editors (yaml-language-server) to complete and check."""

from __future__ import annotations

import json

from generator.proposal.kinds import Soort
from generator.proposal.validate import model_of


def json_schema(soort: Soort) -> dict:
    schema = model_of(soort).model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = soort.titel
    schema["description"] = f"Een {soort.titel.lower()} voor nota (soort: {soort.naam})"
    return schema


def as_text(soort: Soort) -> str:
    return json.dumps(json_schema(soort), ensure_ascii=False, indent=2) + "\n"
