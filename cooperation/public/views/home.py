from django.shortcuts import render

from cooperation.public import activity, queries, stored
from cooperation.public.views.lists import LATEST_FIRST

LATEST = 5


def home(request):
    rows = activity.activity_by_year()
    bars, top = activity.chart_bars(rows)
    offices, visits, agreements = queries.offices(), queries.visits(), queries.agreements()
    context = {
        "counts": {
            "offices": stored.count(offices),
            "visits": stored.count(visits),
            "agreements": stored.count(agreements),
        },
        "latest_offices": offices.order_by("-updated_at")[:LATEST],
        # By the visit's own date, as the visits list: a visit entered today may be years old.
        "latest_visits": visits.order_by(LATEST_FIRST, "-created_at", "-pk")[:LATEST],
        "latest_agreements": agreements.order_by("-updated_at")[:LATEST],
        "activity_rows": rows,
        "chart": {
            "bars": bars,
            "top": top,
            "ticks": activity.year_ticks(rows),
            "series": activity.SERIES,
            "width": activity.CHART_WIDTH,
            "height": activity.CHART_HEIGHT,
            "baseline": activity.CHART_HEIGHT - activity.MARGIN_BOTTOM,
            "left": activity.MARGIN_LEFT,
            "right": activity.PLOT_RIGHT,
            "top_y": activity.MARGIN_TOP,
        },
    }
    return render(request, "cooperation/home.html", context)
