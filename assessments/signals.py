"""What the checkup tells the layers above it, without importing them."""

from django.dispatch import Signal

#: Sent by the report page (``checkup``, ``user`` reading it) to gather panels from the apps
#: above (the pause plan and its timeline). A receiver returns safe HTML for the page, or None.
#: Receivers must only show what ``user`` may see.
report_panels = Signal()
