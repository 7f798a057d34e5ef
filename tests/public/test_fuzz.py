"""Random strings and numbers at every filter parameter: never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.public_pages import LIST_URLS, PARAMETERS

values = st.one_of(
    st.text(max_size=300),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "-", "--year", "year,-year", "beijing", "2018", "0", "-1", "1e9"]),
)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_URLS)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_parameter_value_causes_a_server_error(client, sample_data, url, data):
    names = data.draw(st.lists(st.sampled_from(PARAMETERS[url]), min_size=1, max_size=4))
    query = {name: data.draw(values) for name in names}
    response = client.get(url, query)
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 400:
        assert 'role="alert"' in response.content.decode()
