"""Reading a CSV export in tests the way a spreadsheet or pandas would."""

import codecs
import csv
import io

from django.http import StreamingHttpResponse


def csv_body(response) -> bytes:
    assert response.status_code == 200, response
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def csv_table(response) -> list[list[str]]:
    """Header row first; the file must start with the UTF-8 byte-order mark."""
    body = csv_body(response)
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def csv_records(response) -> list[dict[str, str]]:
    header, *rows = csv_table(response)
    return [dict(zip(header, row, strict=True)) for row in rows]
