"""Canonical addresses: one absolute URL per result, so a search engine indexes a list once
however a link spells it.

A page's canonical URL is its path on the host the request came to (`build_absolute_uri`:
https behind the proxy, by `SECURE_PROXY_SSL_HEADER`). A detail page, a profile and the
home page take no parameter that changes what they show, so theirs has none. A list keeps
only the parameters that change its result, in the order its FilterSet declares them, then
`page`; it drops:
- parameters the FilterSet does not know (`?utm_source=`), as the list ignores them;
- empty ones (`?q=`), and those whose value the list refuses (the page is a 400);
- `page=1`, the first page either way;
- a municipality, person or party typed by one of its names (`?sponsor=北京`), for its
  slug (`?sponsor=beijing`);
- an `ordering` that orders the rows as the list does by default (`name` on the
  municipalities); one that only starts like it (`-year` on the offices, whose ties the
  default breaks by name) is kept.
"""

from urllib.parse import urlencode

from cooperation.public.typed_names import TypedNameFilter
from cooperation.public.views.lists import ListPage


def ordering_terms(order_by) -> tuple[tuple[str, bool], ...]:
    """(column, descending) of each term of an `order_by()`: "name", "-name", or an
    `F("main_date").desc(nulls_last=True)`. Where empty values go is left out: the lists put
    them last both in their default order and in every `ordering` (public/filters.py)."""
    terms = []
    for term in order_by:
        if isinstance(term, str):
            terms.append((term.removeprefix("-"), term.startswith("-")))
        else:
            terms.append((term.expression.name, term.descending))
    return tuple(terms)


def is_default_ordering(filterset, names) -> bool:
    """Whether the `ordering` (cleaned: a list of names) orders the rows as the list's
    default does, read from the order each one gives the list's own queryset."""
    base = filterset.queryset
    ordered = filterset.filters["ordering"].filter(base, names)
    return ordering_terms(ordered.query.order_by) == ordering_terms(base.query.order_by)


def is_first_page(value: str) -> bool:
    """`page=1` (or `01`); a value that is no number is no page to keep either."""
    try:
        return int(value) == 1
    except ValueError:
        return True


def list_parameters(query, filterset) -> list[tuple[str, str]]:
    """The parameters of the list's query string that change its result, in a stable order."""
    form = filterset.form
    form.is_valid()  # the list validated it already: the errors are cached
    kept = []
    for name, filter_ in filterset.filters.items():
        value = query.get(name, "").strip()
        if not value or name in form.errors:
            continue
        if isinstance(filter_, TypedNameFilter):
            value = form.cleaned_data[name]
        if name == "ordering" and is_default_ordering(filterset, form.cleaned_data[name]):
            continue
        kept.append((name, value))
    page = query.get("page", "").strip()
    if page and not is_first_page(page):
        kept.append(("page", page))
    return kept


def canonical_url(request, context) -> str:
    """The canonical URL of the page drawn with `context`: a list's (`list`, a `ListPage`,
    with its `filterset`) keeps the parameters that matter, any other page keeps none."""
    url = request.build_absolute_uri(request.path)
    if isinstance(context.get("list"), ListPage):
        parameters = list_parameters(request.GET, context["filterset"])
        if parameters:
            return f"{url}?{urlencode(parameters)}"
    return url
