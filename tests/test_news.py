"""News items: published and edited by the secretariat through the same actions."""

import datetime

import pytest
from django.urls import reverse

from cocrea.core.models import ActionLog
from cocrea.news.actions import publish_news


@pytest.fixture
def item(plan, secretary):
    return publish_news(
        plan,
        by=secretary,
        published_on=datetime.date(2017, 4, 17),
        title_es="Abre la convocatoria",
        title_en="The open call opens",
        body_es="Texto.",
        body_en="Text.",
    )


@pytest.mark.parametrize("persona", ["secretary", "commissioner", "citizen", "anonymous"])
def test_editing_a_news_item_by_role(persona, client, plan, people, item):
    url = reverse("news:edit", args=[plan.slug, item.pk])
    if persona != "anonymous":
        client.force_login(people[persona])
    page = client.get(item.get_absolute_url()).content.decode()
    assert (url in page) is (persona == "secretary")
    data = {
        "title_es": "Se amplía la convocatoria",
        "title_en": "The open call is extended",
        "summary_es": "",
        "summary_en": "",
        "body_es": "Texto.",
        "body_en": "Text.",
        "published_on": "2017-04-17",
    }
    response = client.post(url, data)
    item.refresh_from_db()
    if persona == "secretary":
        assert response["Location"] == item.get_absolute_url()
        assert (item.title_es, item.title_en) == (
            "Se amplía la convocatoria",
            "The open call is extended",
        )
        entry = ActionLog.objects.get(verb="news.update_news")
        assert entry.data == {"fields": ["title_es", "title_en"]}
        client.logout()
        assert "Se amplía la convocatoria" in client.get(item.get_absolute_url()).content.decode()
    else:
        assert response.status_code == (302 if persona == "anonymous" else 403)
        assert item.title_es == "Abre la convocatoria"
        assert not ActionLog.objects.filter(verb="news.update_news").exists()


def test_edit_form_starts_with_the_current_texts(client, plan, secretary, item):
    client.force_login(secretary)
    html = client.get(reverse("news:edit", args=[plan.slug, item.pk])).content.decode()
    assert 'value="Abre la convocatoria"' in html
    assert 'value="2017-04-17"' in html
