import rules

from cocrea.plans.rules import is_secretariat

rules.add_perm("news.publish_news", is_secretariat)
rules.add_perm("news.change_news", is_secretariat)
