"""The admin's "New from an article" page: paste an article (or give its URL), check what
was read from it on one page, and create the source, the new names and the records as
drafts in one submit.

Step one reads: it fetches the URL when no text is pasted (cooperation/intake/fetch.py),
extracts the text and metadata, recognizes names and dates and proposes records. Nothing is
saved. Step two shows it all as forms; only its submit creates anything
(cooperation/records/intake.py), all or nothing.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from cooperation.admin.dates import written
from cooperation.admin.intake_forms import (
    PROPOSAL_FORMS,
    ArticleForm,
    Names,
    NewNameFormSet,
    SourceForm,
)
from cooperation.intake.extract import extract
from cooperation.intake.fetch import FetchRefused, fetch
from cooperation.intake.reading import read_article
from cooperation.models import PublisherKind, Source
from cooperation.partial_dates import PartialDate
from cooperation.records.intake import create_from_article
from cooperation.scripts import is_chinese, is_hebrew

# The model of each proposal type, for the add permission an analyst needs to create it.
MODEL_NAMES = {
    "visit": "visit",
    "office": "liaisonoffice",
    "agreement": "agreement",
    "event": "event",
}
MOST_PROPOSALS = 60


def may_take_in(user) -> bool:
    return user.has_perm("cooperation.add_source")


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def intake_view(request, admin_site):
    if not may_take_in(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("step") == "create":
        return create_step(request, admin_site)
    form = ArticleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return read_step(request, admin_site, form)
    return render(request, admin_site, "admin/cooperation/intake.html", {"form": form})


def render(request, admin_site, template, context):
    context = {**admin_site.each_context(request), "title": "New from an article", **context}
    return TemplateResponse(request, template, context)


def read_step(request, admin_site, form):
    url, document = form.cleaned_data["url"], form.cleaned_data["document"]
    known = Source.objects.filter(url=url).first() if url else None
    if known is not None:
        messages.info(request, "This article is a source already: here it is.")
        return redirect(change_url(known))
    if not document.strip():
        try:
            fetched = fetch(url)
        except FetchRefused as refusal:
            form.add_error("url", str(refusal))
            return render(request, admin_site, "admin/cooperation/intake.html", {"form": form})
        document, url = fetched.text, fetched.url
    article = extract(document, url=url)
    if not article.text.strip():
        form.add_error("document", "No article text could be found in it: paste the text.")
        return render(request, admin_site, "admin/cooperation/intake.html", {"form": form})
    typed = form.cleaned_data["published"].start
    published = typed or PartialDate(article.published)
    reading = read_article(article, url=url, published=published.value)
    source_form = SourceForm(
        prefix="source",
        initial={
            "url": url,
            "title": article.title[:300],
            "publisher": article.publisher[:200],
            "language": article.language,
            "publisher_kind": PublisherKind.OTHER,
            "published": written(published),
            "text": article.text,
        },
    )
    new_names = NewNameFormSet(
        prefix="new",
        initial=[
            {
                # Ticked when what to create is known: a place or body needs its country.
                "keep": bool(guess.country) or party.kind == "person",
                "key": party.key,
                "kind": party.kind,
                "name": party.name if party.name.isascii() else "",
                "name_zh": guess.name_zh or (guess.name if is_chinese(guess.name) else ""),
                "name_he": guess.name_he or (guess.name if is_hebrew(guess.name) else ""),
                "country": guess.country,
                "level": guess.level,
                "latitude": guess.latitude,
                "longitude": guess.longitude,
            }
            for party, guess in reading.new_names()
        ],
    )
    proposals = [
        PROPOSAL_FORMS[p.type](
            prefix=f"p{number}", initial=PROPOSAL_FORMS[p.type].initial_of(p), today=published.value
        )
        for number, p in enumerate(reading.proposals)
    ]
    return review(request, admin_site, source_form, new_names, proposals, reading=reading)


def review(request, admin_site, source_form, new_names, proposals, *, reading=None, errors=()):
    context = {
        "source_form": source_form,
        "new_names": new_names,
        "proposals": proposals,
        "proposal_types": ",".join(form.type for form in proposals),
        "reading": reading,
        "errors": errors,
        "has_errors": bool(
            errors
            or source_form.errors
            or new_names.total_error_count()
            or any(form.errors for form in proposals)
        ),
    }
    return render(request, admin_site, "admin/cooperation/intake_review.html", context)


def create_step(request, admin_site):
    source_form = SourceForm(request.POST, prefix="source")
    today = None
    if source_form.is_valid():
        today = source_form.cleaned_data["published"].start.value
    new_names = NewNameFormSet(request.POST, prefix="new")
    names = Names(form for form in new_names if new_names.is_valid() and form.is_valid())
    types = [t for t in request.POST.get("proposal_types", "").split(",") if t in PROPOSAL_FORMS]
    proposals = [
        PROPOSAL_FORMS[kind](request.POST, prefix=f"p{number}", today=today, names=names)
        for number, kind in enumerate(types[:MOST_PROPOSALS])
    ]
    valid = [source_form.is_valid(), new_names.is_valid(), *(f.is_valid() for f in proposals)]
    kept = [
        f.cleaned_data["proposal"]
        for f in proposals
        if f.is_valid() and "proposal" in f.cleaned_data
    ]
    errors = []
    if all(valid) and not kept:
        errors.append("Tick at least one record to create.")
    missing = sorted({p.type for p in kept if not may_add(request.user, p.type)})
    if missing:
        errors.append(f"Your role cannot create these records: {', '.join(missing)}.")
    if not all(valid) or errors:
        return review(request, admin_site, source_form, new_names, proposals, errors=errors)
    try:
        created = create_from_article(
            source=source_form.source(),
            new_names=[f.new_name() for f in new_names if f.cleaned_data.get("keep")],
            proposals=kept,
            user=request.user,
        )
    except ValidationError as error:
        return review(request, admin_site, source_form, new_names, proposals, errors=error.messages)
    source = created[0].sources.get()
    links = format_html_join(", ", '<a href="{}">{}</a>', ((change_url(r), r) for r in created))
    messages.success(
        request,
        format_html("Created {} drafts citing this source: {}.", len(created), links),
    )
    return redirect(change_url(source))


def may_add(user, kind: str) -> bool:
    return user.has_perm(f"cooperation.add_{MODEL_NAMES[kind]}")
