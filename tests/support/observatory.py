"""The Mozilla HTTP Observatory's published scoring rules, applied to one HTTP response.

From httpobs/docs/scoring.md: start at 100, subtract the penalties, add the bonuses only
if the result is 90 or more; 100+ is A+. One outcome per test (the worst that applies).
Tests that need the wider internet (HSTS preload list, TLS certificates) count as 0.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

SIX_MONTHS = 15768000
PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin"}
PRIVATE_REFERRER_POLICIES |= {"strict-origin-when-cross-origin"}
UNSAFE_REFERRER_POLICIES = {"origin", "origin-when-cross-origin", "unsafe-url"}
KNOWN_REFERRER_POLICIES = PRIVATE_REFERRER_POLICIES | UNSAFE_REFERRER_POLICIES
KNOWN_REFERRER_POLICIES |= {"no-referrer-when-downgrade"}
BROAD_SOURCES = {"*", "http:", "https:", "data:", "blob:", "filesystem:"}


@dataclass
class Response:
    """What the scorer sees of a response: final URL, status, headers, body."""

    url: str
    status: int
    headers: dict[str, list[str]]
    body: str = ""
    redirected_from_http_to: str | None = None

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return ", ".join(values) if values else None


@dataclass
class Score:
    modifiers: dict[str, int] = field(default_factory=dict)

    @property
    def score(self) -> int:
        penalties = sum(value for value in self.modifiers.values() if value < 0)
        bonuses = sum(value for value in self.modifiers.values() if value > 0)
        base = 100 + penalties
        return max(0, base + bonuses if base >= 90 else base)

    @property
    def grade(self) -> str:
        grades = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-")]
        grades += [(60, "C+"), (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-")]
        return next((grade for floor, grade in grades if self.score >= floor), "F")


def parse_csp(header: str | None) -> dict[str, set[str]] | None:
    if not header:
        return None
    policy: dict[str, set[str]] = {}
    for directive in header.split(";"):
        words = directive.strip().split()
        if not words:
            continue
        name = words[0].lower()
        if name in policy:
            raise ValueError(f"duplicate directive {name}")
        policy[name] = {word if word.startswith("'") else word.lower() for word in words[1:]}
    return policy


def csp_outcome(response: Response) -> tuple[str, int]:
    try:
        policy = parse_csp(response.header("Content-Security-Policy"))
    except ValueError:
        return "csp-header-invalid", -25
    if policy is None:
        return "csp-not-implemented", -25
    default = policy.get("default-src")
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    objects = policy.get("object-src", default)
    has_nonce_or_hash = script is not None and any(
        re.match(r"'(nonce|sha256|sha384|sha512)-", source) for source in script
    )
    if (
        script is None
        or objects is None
        or ("'unsafe-inline'" in script and not has_nonce_or_hash)
        or script & BROAD_SOURCES
        or objects & BROAD_SOURCES
    ):
        return "csp-implemented-with-unsafe-inline", -20
    active = script | objects | (style or set())
    if any(source.startswith("http:") for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    passive = set().union(
        *(policy.get(name, default or set()) for name in ("img-src", "media-src"))
    )
    if any(source.startswith("http:") for source in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style is not None and ("'unsafe-inline'" in style or style & BROAD_SOURCES):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def hsts_max_age(response: Response) -> int | None:
    header = response.header("Strict-Transport-Security")
    if not header or not response.url.startswith("https:"):
        return None
    match = re.search(r"max-age\s*=\s*\"?(\d+)", header, re.IGNORECASE)
    return int(match.group(1)) if match else -1


def hsts_outcome(response: Response) -> tuple[str, int]:
    if not response.url.startswith("https:"):
        return "hsts-not-implemented-no-https", -20
    max_age = hsts_max_age(response)
    if max_age is None:
        return "hsts-not-implemented", -20
    if max_age < 0:
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def cookies_outcome(response: Response) -> tuple[str, int]:
    raw = response.headers.get("set-cookie", [])
    if not raw:
        return "cookies-not-found", 0
    hsts = (hsts_max_age(response) or 0) >= SIX_MONTHS
    outcomes = []
    all_samesite = True
    for line in raw:
        jar = SimpleCookie()
        jar.load(line)
        for name, morsel in jar.items():
            session = "sess" in name.lower() or "login" in name.lower()
            samesite = (morsel["samesite"] or "").lower()
            all_samesite &= bool(samesite)
            if samesite and samesite not in {"strict", "lax"}:
                outcomes.append(("cookies-samesite-flag-invalid", -20))
            if "csrf" in name.lower() and not samesite:
                outcomes.append(("cookies-anticsrf-without-samesite-flag", -20))
            if not morsel["secure"] or not response.url.startswith("https:"):
                if session:
                    outcomes.append(
                        ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                        if hsts
                        else ("cookies-session-without-secure-flag", -40)
                    )
                else:
                    outcomes.append(
                        ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                        if hsts
                        else ("cookies-without-secure-flag", -20)
                    )
            if session and not morsel["httponly"]:
                outcomes.append(("cookies-session-without-httponly-flag", -30))
    if outcomes:
        return min(outcomes, key=lambda outcome: outcome[1])
    if all_samesite:
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_outcome(response: Response) -> tuple[str, int]:
    origin = response.header("Access-Control-Allow-Origin")
    if not origin:
        return "cross-origin-resource-sharing-not-implemented", 0
    if origin.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection_outcome(response: Response) -> tuple[str, int]:
    target = response.redirected_from_http_to
    if target is None:
        return "redirection-missing", -20
    if not target.startswith("https:"):
        return "redirection-not-to-https", -20
    if urlsplit(target).hostname != urlsplit(response.url).hostname:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_outcome(response: Response) -> tuple[str, int]:
    header = response.header("Referrer-Policy")
    if not header:
        return "referrer-policy-not-implemented", 0
    policies = [word.strip().lower() for word in header.split(",") if word.strip()]
    if any(policy not in KNOWN_REFERRER_POLICIES for policy in policies):
        return "referrer-policy-header-invalid", -5
    if policies[-1] in PRIVATE_REFERRER_POLICIES:
        return "referrer-policy-private", 5
    if policies[-1] in UNSAFE_REFERRER_POLICIES:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-no-referrer-when-downgrade", 0


class ScriptFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_outcome(response: Response) -> tuple[str, int]:
    content_type = response.header("Content-Type") or ""
    if "html" not in content_type:
        return "sri-not-implemented-response-not-html", 0
    finder = ScriptFinder()
    finder.feed(response.body)
    host = urlsplit(response.url).hostname
    external = [
        script
        for script in finder.scripts
        if script.get("src") and urlsplit(script["src"]).hostname not in {None, host}
    ]
    if not finder.scripts or not any(script.get("src") for script in finder.scripts):
        return "sri-not-implemented-but-no-scripts-loaded", 0
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    insecure = any(not script["src"].startswith("https:") for script in external)
    if all(script.get("integrity") for script in external):
        if insecure:
            return "sri-implemented-but-external-scripts-not-loaded-securely", -20
        return "sri-implemented-and-external-scripts-loaded-securely", 5
    if insecure:
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    return "sri-not-implemented-but-external-scripts-loaded-securely", -5


def content_type_options_outcome(response: Response) -> tuple[str, int]:
    header = response.header("X-Content-Type-Options")
    if header is None:
        return "x-content-type-options-not-implemented", -5
    if header.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def frame_options_outcome(response: Response) -> tuple[str, int]:
    try:
        policy = parse_csp(response.header("Content-Security-Policy")) or {}
    except ValueError:
        policy = {}
    ancestors = policy.get("frame-ancestors")
    if ancestors is not None and "*" not in ancestors:
        return "x-frame-options-implemented-via-csp", 5
    header = (response.header("X-Frame-Options") or "").strip().upper()
    if not header:
        return "x-frame-options-not-implemented", -20
    if header in {"DENY", "SAMEORIGIN"}:
        return "x-frame-options-sameorigin-or-deny", 0
    if header.startswith("ALLOW-FROM"):
        return "x-frame-options-allow-from-origin", 0
    return "x-frame-options-header-invalid", -20


TESTS = [
    csp_outcome,
    cookies_outcome,
    cors_outcome,
    redirection_outcome,
    referrer_outcome,
    hsts_outcome,
    sri_outcome,
    content_type_options_outcome,
    frame_options_outcome,
]


def score(response: Response) -> Score:
    return Score(dict(test(response) for test in TESTS))
