"""/favicon.ico: browsers ask for it on every site, whatever icon the pages link, and
would log a 404 for each page of the public site and the admin."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe

# A day: long enough to spare the requests, short enough to follow a new icon's URL.
MAX_AGE = 24 * 3600


@require_safe
def favicon(request):
    """A redirect to the icon the pages link (static/img/favicon.svg), not permanent: its
    URL carries the file's hash, which changes with the drawing."""
    return HttpResponseRedirect(
        static("img/favicon.svg"), headers={"Cache-Control": f"public, max-age={MAX_AGE}"}
    )
