"""Permissions of the documents app: the secretariat publishes documents to the repository."""

import rules

from cocrea.plans.rules import is_secretariat

rules.add_perm("documents.upload_document", is_secretariat)
rules.add_perm("documents.withdraw_document", is_secretariat)
