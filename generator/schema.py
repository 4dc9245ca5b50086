"""JSON Schema of a kind, for editors (yaml-language-server) to complete and check."""
from __future__ import annotations

import json

from .kinds import Soort
from .validate import model_van


def json_schema(soort: Soort) -> dict:
    schema = model_van(soort).model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = soort.titel
    schema["description"] = f"Een {soort.titel.lower()} voor nota (soort: {soort.naam})"
    return schema


def als_tekst(soort: Soort) -> str:
    return json.dumps(json_schema(soort), ensure_ascii=False, indent=2) + "\n"
