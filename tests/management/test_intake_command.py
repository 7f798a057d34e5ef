"""`manage.py intake PATH_OR_URL [--date] --json`: what the intake page would propose, for
scripts, from a file or a URL served by a local server; bad input gets a message."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cooperation.devdata.sample_loader import ARTICLES
from cooperation.models import Source, Visit

pytestmark = pytest.mark.django_db

MAYOR_VISIT = ARTICLES / "002_1cadeedc04271651.txt"
PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>常州市代表团访问海法</title><meta property="og:site_name" content="示例新闻"></head>
<body><nav>首页 | 国际 | 财经</nav><article><h1>常州市代表团访问海法</h1>
<p>2019年6月5日至7日，常州市代表团访问以色列海法市。</p>
<p>双方签署了合作意向书，常州市与海法市将在教育领域开展合作。</p></article>
<footer>版权所有</footer></body></html>"""


def intake(*arguments) -> dict:
    out = StringIO()
    call_command("intake", *arguments, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_json_gives_metadata_mentions_dates_and_proposals(sample_data):
    result = intake(str(MAYOR_VISIT), "--date", "2018-06-08")
    text = MAYOR_VISIT.read_text(encoding="utf-8").strip()
    assert result["source"]["title"].startswith("Shanghai mayor visits Israel")
    assert result["source"]["language"] == "en"
    shanghai = next(m for m in result["mentions"] if m["text"] == "Shanghai")
    assert text[shanghai["start"] : shanghai["end"]] == "Shanghai"
    assert shanghai["record"]["model"] == "municipality" and shanghai["country"] == "CN"
    june = next(d for d in result["dates"] if d["text"] == "from June 5 to 7")
    assert june["from"] == {
        "value": "2018-06-05",
        "precision": "day",
        "qualifier": "inferred",
        "as_written": "5 June [2018]",
    }
    assert june["to"]["value"] == "2018-06-07"
    visit = next(p for p in result["proposals"] if p["type"] == "visit")
    assert [o["name"] for o in visit["fields"]["origins"]] == ["Shanghai"]
    assert "from June 5 to 7" in visit["quotes"]["dates"]
    assert Visit.objects.count() == 2 and Source.objects.count() == 4  # the sample data's


def test_a_page_fetched_from_its_url_is_read(db, settings):
    settings.INTAKE_ALLOW_PRIVATE_ADDRESSES = True

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = intake(f"http://127.0.0.1:{server.server_port}/changzhou")
    finally:
        server.shutdown()
    assert result["source"]["language"] == "zh"
    assert "首页" not in json.dumps(result["mentions"], ensure_ascii=False)
    dates = {d["text"]: d["from"]["value"] for d in result["dates"]}
    assert dates["2019年6月5日至7日"] == "2019-06-05"
    kinds = {p["type"] for p in result["proposals"]}
    assert {"visit", "agreement"} <= kinds


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/no/such/article.txt"], "No file “/no/such/article.txt”"),
        ([str(MAYOR_VISIT), "--date", "June 2018"], "--date takes a date written YYYY-MM-DD"),
        (["http://127.0.0.1:9/article"], "paste the article's text instead"),
    ],
)
def test_bad_input_gets_a_message(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("intake", *arguments, "--json", stdout=StringIO())


def test_a_file_that_is_not_text_gets_a_message(db, tmp_path):
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xfe")
    with pytest.raises(CommandError, match="is not UTF-8 text or HTML"):
        call_command("intake", str(picture), stdout=StringIO())


def test_without_json_it_prints_a_summary(sample_data):
    out = StringIO()
    call_command("intake", str(MAYOR_VISIT), "--date", "2018-06-08", stdout=out)
    assert "proposed visit: Shanghai delegation to" in out.getvalue()
