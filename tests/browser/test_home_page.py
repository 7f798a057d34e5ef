import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_shows_the_sample_records_in_a_real_browser(sample_data, page):
    page.goto("/")
    assert page.title() == "Sino-Israeli municipal cooperation tracker"
    assert page.get_by_role(
        "link", name="Dongguan Economic and Trade Office in Israel"
    ).is_visible()
    page.get_by_role("link", name="Shanghai mayor Ying Yong's delegation to Israel").click()
    page.wait_for_url("**/visits/shanghai-mayor-visit-to-israel-2018-06/")
    assert page.locator("dd", has_text="5-7 June 2018").is_visible()
    source = page.get_by_role("link", name="Shanghai mayor visits Israel to deepen cooperation")
    assert source.get_attribute("href") == "https://www.shine.cn/news/metro/1806086024/"
    assert page.outside_requests == []
