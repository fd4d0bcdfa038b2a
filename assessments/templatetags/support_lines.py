"""``{% support_lines_list %}``: the support lines, from data, for the private safety panel."""

from typing import Any

from django import template

from assessments.support_lines import support_lines

register = template.Library()


@register.inclusion_tag("assessments/_support_lines.html")
def support_lines_list() -> dict[str, Any]:
    return {"lines": support_lines()}
