"""The HTML of the editor and the preview, one way: the Jinja templates in web/templates,
autoescaped, so text from a proposal or a melding is never markup."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)


def render(template: str, **values: Any) -> str:
    """The page or fragment `template` with `values` (escaped where they are shown)."""
    return environment().get_template(template).render(**values)
