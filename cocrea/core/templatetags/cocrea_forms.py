"""`{% error_summary form [other_form or formset ...] %}`: the one error summary every form page
shows at the top of its content when a form was refused (GOV.UK's pattern): it takes the focus on
load, so a person who sent the form lands on what went wrong, and each message links to its
field."""

from django import template

register = template.Library()


@register.inclusion_tag("_error_summary.html")
def error_summary(*forms):
    errors = []
    expanded = []
    for form in forms:  # a formset counts as its forms (after its own errors)
        if form is not None and hasattr(form, "non_form_errors") and form.is_bound:
            errors.extend(("", message) for message in form.non_form_errors())
            expanded.extend(form.forms)
        else:
            expanded.append(form)
    for form in expanded:
        if form is None or not form.is_bound or not form.errors:
            continue
        for message in form.non_field_errors():
            errors.append(("", message))
        for bound in form:
            # Radio buttons and checkbox lists have no single labelled input: link the first.
            target = bound.id_for_label or (f"{bound.auto_id}_0" if bound.auto_id else "")
            for message in bound.errors:
                errors.append((target, f"{bound.label}: {message}"))
    return {"errors": errors}
