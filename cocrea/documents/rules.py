"""Permissions of the documents app: the secretariat publishes documents to the repository; a
document is visible to everyone once public (see `Document.is_public`), to the secretariat always
(to check an upload before its date or before its event is published)."""

import rules

from cocrea.core.permissions import asker
from cocrea.plans.rules import is_secretariat

from .models import Document


@rules.predicate
def is_public_document(user, obj=None):
    return isinstance(obj, Document) and obj.is_public()


rules.add_perm("documents.upload_document", is_secretariat)
rules.add_perm("documents.withdraw_document", is_secretariat)
rules.add_perm("documents.view_document", is_public_document | is_secretariat)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_upload_document = asker("documents.upload_document")
can_view_document = asker("documents.view_document")
can_withdraw_document = asker("documents.withdraw_document")
