import rules

from cocrea.core.permissions import asker
from cocrea.plans.rules import is_secretariat

rules.add_perm("news.publish_news", is_secretariat)
rules.add_perm("news.change_news", is_secretariat)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_change_news = asker("news.change_news")
can_publish_news = asker("news.publish_news")
