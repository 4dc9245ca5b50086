"""Dutch for click's own words (usage lines, help headings, usage errors).

click translates through gettext; this installs a small catalogue for the
strings a nota user can meet, so help and usage errors read Dutch too.

Why not a gettext catalogue (.po/.mo): click calls `gettext.gettext`, the
module-level function, which reads the process-wide text domain and picks the
language from LANGUAGE/LC_ALL/LANG. Forcing Dutch through it would mean setting
the text domain and the language for the whole process (and the environment of
every subprocess), also when nota is used as a library inside another program;
and the type names (TEXT, INTEGER) are class attributes gettext never sees.
So the catalogue is this dict, installed on click's modules only.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

# The metavar of an option is its type's name in capitals (TEXT, INTEGER RANGE); these
# names are class attributes that gettext never sees, so they are set here.
TYPE_NAMES = {
    click.types.StringParamType: "tekst",
    click.types.IntParamType: "getal",
    click.types.IntRange: "getal",
    click.types.FloatParamType: "getal",
    click.types.FloatRange: "getal",
    click.types.BoolParamType: "janee",
    click.types.DateTime: "datum",
    click.types.UUIDParameterType: "uuid",
    click.types.File: "bestand",
    click.types.Choice: "keuze",
    click.types.Tuple: "waarden",
    click.types.FuncParamType: "waarde",
    click.types.UnprocessedParamType: "waarde",
}

NL = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "Missing command.": "Geef een opdracht.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Option {name!r} requires an argument.": "Optie {name!r} heeft een waarde nodig.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name!r} heeft {nargs} waarden nodig.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Did you mean {possibility}?": "Bedoelde u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelde u een van: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} is geen {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is geen van {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} does not match the format {format}.": "{value!r} heeft niet de vorm {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} heeft niet de vorm {formats}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan niet worden gelezen.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan niet worden geschreven.",
    "file": "Bestand",
    "directory": "Map",
    "path": "Pad",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan niet worden uitgevoerd.",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselend)",
    "deprecated": "verouderd",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": "Bestand {filename!r} kan niet worden geopend: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Takes {nargs} values but 1 was given.": "Neemt {nargs} waarden, maar er is er 1 gegeven.",
    "Takes {nargs} values but {len} were given.": "Neemt {nargs} waarden, maar er zijn er {len} gegeven.",
    "{len_type} values are required, but {len_value} was given.": (
        "{len_type} waarden zijn nodig, maar er is er {len_value} gegeven."
    ),
    "{len_type} values are required, but {len_value} were given.": (
        "{len_type} waarden zijn nodig, maar er zijn er {len_value} gegeven."
    ),
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde; mogelijk: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Aborted!": "Afgebroken.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
}


def translate(tekst: str) -> str:
    return NL.get(tekst, tekst)


def translate_n(single: str, more: str, n: int) -> str:
    return translate(single if n == 1 else more)


def install() -> None:
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.termui,
        click.types,
    ):
        # click's modules import gettext's functions under these names (see the docstring)
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]  # not in click's public names
        if hasattr(module, "ngettext"):
            module.ngettext = translate_n  # type: ignore[attr-defined]  # not in click's public names
    for kind, naam in TYPE_NAMES.items():
        kind.name = naam  # type: ignore[attr-defined]  # set on each ParamType subclass
    click.types._NumberRangeBase._describe_range = _describe_range  # type: ignore[method-assign]  # Dutch range


def _describe_range(self) -> str:
    """'0 t/m 65535' for click's '0<=x<=65535'."""
    laag = None if self.min is None else f"{'meer dan' if self.min_open else 'minstens'} {self.min}"
    hoog = None if self.max is None else f"{'minder dan' if self.max_open else 'hoogstens'} {self.max}"
    if laag and hoog and not (self.min_open or self.max_open):
        return f"{self.min} t/m {self.max}"
    return ", ".join(d for d in (laag, hoog) if d)
