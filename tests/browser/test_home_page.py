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
    assert page.locator("dd", has_text="5-7 June [2018]").is_visible()
    sources = page.get_by_role("region", name="Sources")
    source = sources.get_by_role("link", name="Shanghai mayor visits Israel to deepen cooperation")
    assert source.get_attribute("href") == "https://www.shine.cn/news/metro/1806086024/"
    assert page.outside_requests == []


@pytest.mark.parametrize("width", [360, 1280])
def test_the_chart_labels_stay_readable_on_a_phone(sample_data, page, width):
    """The SVG scales with the screen; its year and value labels must not shrink below 9 px."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    labels = page.locator(".chart text.tick")
    heights = [label.bounding_box()["height"] for label in labels.all()]
    assert len(heights) == 2 + 6  # the top value and 0, then 1993 ... 2018
    assert min(heights) >= 9, heights
    chart = page.locator(".chart svg").bounding_box()
    latest = labels.last.bounding_box()
    assert latest["x"] + latest["width"] <= chart["x"] + chart["width"]  # not cut off
