from django.contrib import admin
from django.http import HttpRequest

from core.models import OutboxMessage
from core.outbox import masked_address


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """What happened to each mail, never what it said: bodies (codes, links, messages) stay out."""

    list_display = ("pk", "template", "recipient", "user_id", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "template")
    fields = (
        "template",
        "recipient",
        "user_id",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "lease_until",
        "sent_at",
        "last_error",
    )
    readonly_fields = fields

    @admin.display(description="to")
    def recipient(self, message: OutboxMessage) -> str:
        return masked_address(message.to)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
