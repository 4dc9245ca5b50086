"""`nota serve` for a team: the municipality's login (OpenID Connect) and the roles.

Login is the authorization-code flow with PKCE (S256) through Authlib's Starlette
client, scopes "openid profile email"; Authlib reads the provider's discovery
document and verifies the ID token's signature (the provider's JWKS), issuer,
audience, expiry and nonce. The session lives on the server: the browser holds
only a random id (an HttpOnly, SameSite=Lax cookie, Secure behind https, with an
expiry), so logging out ends the session and a copied cookie stops working.

Roles, enforced here and not by hiding buttons: lezer (read, download), steller
(also write, new, import), secretariaat (also decide, besluitenlijst, publish).
Every page but the login callback and static files needs a session; a GET
without one goes to the provider, anything else gets 401 and writes nothing.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from generator.proposal.settings import Login
from generator.web.gitstore import Auteur, GitStore
from generator.web.sessions import COOKIE, MAX_SESSIONS, SESSION_KEY, SESSION_SECONDS, Sessions, SessionStore

__all__ = ["COOKIE", "MAX_SESSIONS", "SESSION_SECONDS", "SessionStore", "Sessions"]

LEZER, STELLER, SECRETARIAAT = "lezer", "steller", "secretariaat"
RANK = {LEZER: 0, STELLER: 1, SECRETARIAAT: 2}
MAG = {STELLER: "schrijven (steller)", SECRETARIAAT: "besluiten vastleggen (secretariaat)"}
SCOPES = "openid profile email"
SECRET_VARIABLE = "NOTA_OIDC_SECRET"
PROVIDER_SECONDS = 30  # for the provider's discovery document, keys and token endpoint
USER_KEY = "nota.gebruiker"
LOGIN_KEY = "nota.login"
SESSIONS_FILE = "nota/sessies.json"  # in the repository's .git folder
PUBLIC = ("/aanmelden", "/aanmelden/terug", "/afmelden", "/afgemeld")
SAFE = ("GET", "HEAD")
CURRENT: ContextVar[Gebruiker | None] = ContextVar("nota_gebruiker", default=None)


@dataclass(frozen=True)
class Gebruiker:
    """Who is logged in, from the ID token."""

    sub: str
    naam: str
    email: str
    rol: str

    @property
    def auteur(self) -> Auteur:
        return Auteur(self.naam, self.email)


@dataclass
class Team:
    """What `nota serve` for a team needs: the [login] settings, the client secret, the git
    repository, and the sessions."""

    login: Login
    secret: str | None
    store: GitStore
    sessions: SessionStore = field(default_factory=lambda: SessionStore())
    hosts: tuple[str, ...] = ()  # the names users reach the server by, besides 127.0.0.1


def team_for(root, login: Login, hosts: tuple[str, ...] = ()) -> Team:
    """The team set-up of the folder `root`: made a git repository if it is not one;
    the client secret from NOTA_OIDC_SECRET; the sessions kept in `.git/nota/`, outside
    the work tree, so a restart logs nobody out."""
    import os

    store = GitStore(root)
    store.ensure()
    sessions = SessionStore(path=store.git_dir / SESSIONS_FILE if store.git_dir else None)
    secret = os.environ.get(SECRET_VARIABLE) or None
    return Team(login, secret, store, sessions, hosts=tuple(h.lower() for h in hosts))


def role_of(claims: dict, login: Login) -> str:
    """secretariaat, steller or lezer, from the groups in the `rollen_claim` claim."""
    value = claims.get(login.rollen_claim) or []
    groups = {str(g).strip("/") for g in ([value] if isinstance(value, str) else value)}
    if groups & set(login.secretariaat):
        return SECRETARIAAT
    return STELLER if groups & set(login.stellers) else LEZER


def user_from(claims: dict, login: Login) -> Gebruiker:
    sub = str(claims["sub"])
    email = str(claims.get("email") or "")
    name = str(claims.get("name") or claims.get("preferred_username") or email or sub)
    return Gebruiker(sub, name, email, role_of(claims, login))


# -- what routes call -------------------------------------------------------------------


def user_of(request: Request) -> Gebruiker | None:
    """The logged-in user; None when nota serve runs without [login] (one user, on loopback)."""
    return request.scope.get(USER_KEY)


def current() -> Gebruiker | None:
    """The user of the request being handled, for pages that show who is logged in."""
    return CURRENT.get()


def allowed(request: Request, role: str) -> bool:
    if not request.scope.get(LOGIN_KEY):
        return True
    user = user_of(request)
    return user is not None and RANK[user.rol] >= RANK[role]


def require(request: Request, role: str) -> None:
    """One line in a route: 401 without a session, 403 without the role."""
    if allowed(request, role):
        return
    user = user_of(request)
    if user is None:
        raise HTTPException(401, "meld u eerst aan (laad de pagina opnieuw)")
    raise HTTPException(
        403, f"geweigerd: {MAG.get(role, role)} mag uw rol ({user.rol}) niet; vraag de beheerder om de juiste groep"
    )


def owner_of(request: Request) -> str:
    """Whose drafts a request works on: the session's (with [login]); "" for the one local user."""
    return request.scope.get(SESSION_KEY) or ""


def author_of(request: Request) -> Auteur:
    """The git author of a change made in this request (nota itself without [login])."""
    user = user_of(request)
    from generator.web.gitstore import NOTA

    return user.auteur if user is not None else NOTA


# -- the gate ---------------------------------------------------------------------------


class Gate:
    """ASGI middleware: no page without a session; no write without the steller role."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        scope[LOGIN_KEY] = True
        path = scope["path"]
        if path in PUBLIC or path.startswith("/static/"):
            return await self.app(scope, receive, send)
        stored = scope["session"].get("gebruiker")
        if stored is None:
            return await _refuse_anonymous(scope, receive, send)
        user = scope[USER_KEY] = Gebruiker(**stored)
        CURRENT.set(user)
        if scope["method"] not in SAFE and RANK[user.rol] < RANK[STELLER]:
            response: Response = PlainTextResponse(
                f"geweigerd: uw rol ({user.rol}) mag alleen lezen en downloaden", 403
            )
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)


async def _refuse_anonymous(scope, receive, send) -> None:
    if scope["method"] in SAFE:
        query = scope.get("query_string", b"").decode("latin-1")
        target = scope["path"] + (f"?{query}" if query else "")
        response: Response = RedirectResponse(f"/aanmelden?naar={quote(target, safe='')}", 303)
    else:
        response = PlainTextResponse(
            "niet aangemeld: meld u eerst aan (laad de pagina opnieuw); er is niets opgeslagen", 401
        )
    await response(scope, receive, send)


def protect(app, team: Team | None):
    """`app` behind the session and the gate for a team; else `app` itself."""
    return Sessions(Gate(app), team.sessions) if team is not None else app


# -- the login routes -------------------------------------------------------------------


def routes(team: Team | None) -> list[Route]:
    """/aanmelden, /aanmelden/terug (the callback), /afmelden, /afgemeld."""
    if team is None:
        return []
    login = team.login
    client = oidc_client(login, team.secret)

    async def aanmelden(request: Request):
        target = request.query_params.get("naar", "/")
        request.session["naar"] = target if target.startswith("/") and not target.startswith("//") else "/"
        from httpx import HTTPError

        try:
            return await client.authorize_redirect(request, str(request.url_for("aanmelden_terug")))
        except (HTTPError, ValueError) as e:
            return PlainTextResponse(
                f"de aanmeldserver {login.issuer} is niet bereikbaar of gaf geen geldig "
                f"discovery-document ({type(e).__name__}); probeer het zo opnieuw of "
                "meld het aan de beheerder",
                503,
            )

    async def terug(request: Request):
        return await _callback(client, login, request)

    return [
        Route("/aanmelden", aanmelden),
        Route("/aanmelden/terug", terug, name="aanmelden_terug"),
        Route("/afmelden", afmelden, methods=["GET", "POST"]),
        Route("/afgemeld", afgemeld),
    ]


def oidc_client(login: Login, secret: str | None):
    """Authlib's Starlette client for the provider: discovery, PKCE S256, our scopes."""
    import warnings

    from authlib.deprecate import AuthlibDeprecationWarning

    # Authlib's notes for developers (also when it first makes a request) are no message for the user
    warnings.filterwarnings("ignore", category=AuthlibDeprecationWarning)
    from authlib.integrations.starlette_client import OAuth

    return OAuth().register(
        "nota",
        client_id=login.client_id,
        client_secret=secret,
        server_metadata_url=f"{login.issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": SCOPES, "code_challenge_method": "S256", "timeout": PROVIDER_SECONDS},
    )


async def _callback(client, login: Login, request: Request) -> Response:
    from authlib.common.errors import AuthlibBaseError
    from httpx import HTTPError
    from joserfc.errors import JoseError

    try:
        token = await client.authorize_access_token(request)
    except (AuthlibBaseError, JoseError, HTTPError, ValueError, KeyError) as e:
        return _login_failed(
            f"het antwoord van de aanmeldserver is niet geldig of niet te controleren "
            f"({type(e).__name__}: {getattr(e, 'description', '') or e})"
        )
    claims = token.get("userinfo")
    if not claims or "sub" not in claims:
        return _login_failed("de aanmeldserver gaf geen ID-token")
    target = request.session.get("naar", "/")
    request.session.clear()
    request.session.update({"gebruiker": asdict(user_from(dict(claims), login)), "_vernieuw": True})
    return RedirectResponse(target, 303)


def _login_failed(reason: str) -> Response:
    return PlainTextResponse(f"aanmelden mislukt: {reason}; probeer het opnieuw via /aanmelden", 403)


async def afmelden(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/afgemeld", 303)


async def afgemeld(request: Request) -> Response:
    return PlainTextResponse("U bent afgemeld. Opnieuw aanmelden: /aanmelden")
