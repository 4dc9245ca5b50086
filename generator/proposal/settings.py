"""`nota.toml`: the working folder's settings, read in one place.

```toml
templates = "huisstijl"                 # own kinds and house style

[login]                                 # nota serve for a team (OpenID Connect)
issuer = "https://login.gemeente.nl/realms/gemeente"
client_id = "nota"                      # the secret comes from NOTA_OIDC_SECRET
rollen_claim = "groups"
secretariaat = ["griffie"]
stellers = ["medewerkers"]

[organisatie]                           # publication (DiWoo)
tooi = "gm0935"
naam = "Gemeente Maastricht"

[secretariaat]
naam = "J. de Vries"                    # vastgelegd_door, when nobody is logged in

[publicatie]                            # nota publiceer, and Publiceren in nota serve
map = "publicatie"                      # where nota serve publishes (beside nota.toml)
basis_url = "https://www.maastricht.nl/publicaties"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Melding, NotaFout

FILE_NAME = "nota.toml"


@dataclass(frozen=True)
class Login:
    issuer: str
    client_id: str
    rollen_claim: str = "groups"
    secretariaat: tuple[str, ...] = ()
    stellers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisatie:
    tooi: str
    naam: str


@dataclass(frozen=True)
class Publicatie:
    map: Path
    basis_url: str | None = None


@dataclass(frozen=True)
class Settings:
    """What `nota.toml` says; every field is optional."""

    path: Path | None = None
    templates: Path | None = None
    login: Login | None = None
    organisatie: Organisatie | None = None
    secretariaat_naam: str | None = None
    publicatie: Publicatie | None = None
    raw: dict[str, Any] = field(default_factory=dict)


def read_settings(workdir: Path | None = None) -> Settings:
    """The settings of `nota.toml` in `workdir` (default: the working folder)."""
    folder = workdir or Path.cwd()
    path = folder / FILE_NAME
    if not path.is_file():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise NotaFout(Melding(f"{FILE_NAME} is ongeldig ({e})", path)) from None
    templates = raw.get("templates")
    return Settings(
        path=path,
        templates=folder / str(templates) if templates is not None else None,
        login=_login(raw.get("login"), path),
        organisatie=_organisatie(raw.get("organisatie"), path),
        secretariaat_naam=_text((raw.get("secretariaat") or {}).get("naam")),
        publicatie=_publicatie(raw.get("publicatie"), folder, path),
        raw=raw,
    )


def _text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _groups(table: dict, key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NotaFout(Melding(f'[login] {key} moet een lijst van groepsnamen zijn, zoals {key} = ["griffie"]', path))
    return tuple(value)


def _login(table: object, path: Path) -> Login | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        raise NotaFout(Melding("[login] moet een tabel zijn", path))
    missing = [k for k in ("issuer", "client_id") if not _text(table.get(k))]
    if missing:
        raise NotaFout(
            Melding(
                f"[login] mist {' en '.join(missing)}",
                path,
                hint='bijvoorbeeld issuer = "https://login.gemeente.nl/realms/gemeente"',
            )
        )
    return Login(
        issuer=str(table["issuer"]).rstrip("/"),
        client_id=str(table["client_id"]),
        rollen_claim=_text(table.get("rollen_claim")) or "groups",
        secretariaat=_groups(table, "secretariaat", path),
        stellers=_groups(table, "stellers", path),
    )


def _organisatie(table: object, path: Path) -> Organisatie | None:
    if table is None:
        return None
    if not isinstance(table, dict) or not _text(table.get("tooi")) or not _text(table.get("naam")):
        raise NotaFout(
            Melding('[organisatie] vraagt tooi en naam, zoals tooi = "gm0935" en naam = "Gemeente Maastricht"', path)
        )
    return Organisatie(tooi=str(table["tooi"]).strip(), naam=str(table["naam"]).strip())


def _publicatie(table: object, folder: Path, path: Path) -> Publicatie | None:
    if table is None:
        return None
    if not isinstance(table, dict) or not _text(table.get("map", "publicatie")):
        raise NotaFout(Melding('[publicatie] vraagt een map, zoals map = "publicatie"', path))
    basis_url = _text(table.get("basis_url"))
    if basis_url is not None and not basis_url.startswith(("https://", "http://")):
        raise NotaFout(Melding(f"[publicatie] basis_url '{basis_url}' is geen webadres; begin met https://", path))
    return Publicatie(map=folder / str(table.get("map", "publicatie")), basis_url=basis_url)
