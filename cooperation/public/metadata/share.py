"""Link previews: the Open Graph and Twitter card of a public page.

A preview says what the page says: its title and description are the page's own `title`
and `description` blocks, rendered once more, so no page writes them twice. Its image is
the one of its page type (static/img/share/, 1200x630 PNG): the home page, a list, or a
record of each kind; pages of no known type (an error page, a page added later) show the
home page's. Every URL in it is absolute, on the host the request came to.
"""

from dataclasses import dataclass

from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from cooperation.public.metadata.canonical import canonical_url

RECORD_TYPES = {"office", "visit", "event", "agreement"}  # og:type "article"
# The share image of each page type (static/img/share/<type>.png), with what it shows.
IMAGES = {
    "home": "Chinese and Israeli municipalities: offices, visits, events, agreements",
    "list": "a list of records, filterable",
    "office": "a liaison office",
    "visit": "a delegation visit",
    "event": "a forum, expo or conference",
    "agreement": "an agreement between municipalities",
    "municipality": "a municipality's profile",
}


@dataclass(frozen=True)
class Share:
    title: SafeString
    description: SafeString
    url: str
    type: str
    image: str
    image_alt: str

    def properties(self) -> list[tuple[str, str]]:
        """The Open Graph properties, in the order the page writes them."""
        return [
            ("og:site_name", "Sino-Israeli cooperation tracker"),
            ("og:type", self.type),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.url),
            ("og:image", self.image),
            ("og:image:type", "image/png"),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", self.image_alt),
        ]


def page_type(request) -> str:
    """The page's type, from the URL's name: "home", "list", or the record a detail page
    shows ("visit" for "visit-detail"); "" for any other page."""
    name = (request.resolver_match.url_name if request.resolver_match else "") or ""
    if name == "home":
        return "home"
    if name.endswith("-list"):
        return "list"
    return name.removesuffix("-detail") if name.endswith("-detail") else ""


def rendered_block(context, name: str) -> SafeString:
    """The text of the page's block `name` as the page renders it (the most derived
    override), on one line. Escaped already: it is rendered with autoescaping."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks else None
    return mark_safe(" ".join(block.render(context).split())) if block else mark_safe("")


def share_of(context) -> Share:
    request = context["request"]
    kind = page_type(request)
    image = kind if kind in IMAGES else "home"
    return Share(
        title=rendered_block(context, "title"),
        description=rendered_block(context, "description"),
        url=canonical_url(request, context),
        type="article" if kind in RECORD_TYPES else "website",
        image=request.build_absolute_uri(static(f"img/share/{image}.png")),
        image_alt=f"Sino-Israeli cooperation tracker: {IMAGES[image]}",
    )
