from django.contrib import admin

from assessments.models import Checkup

# Answers and safety answers are deliberately not registered: staff can see
# that a checkup exists, never what anyone answered.


@admin.register(Checkup)
class CheckupAdmin(admin.ModelAdmin):
    list_display = ("pk", "couple", "instrument_key", "instrument_version", "started_at", "completed_at")
    readonly_fields = (
        "couple",
        "instrument_key",
        "instrument_version",
        "started_by",
        "started_at",
        "completed_at",
    )
